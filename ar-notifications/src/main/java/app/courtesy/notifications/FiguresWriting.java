package app.courtesy.notifications;

import app.courtesy.dunning.FiguresThread;
import app.courtesy.dunning.RunFigures;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The thread a dunning run's collections figures are written on while it plans ({@link
 * FiguresThread}): an asynchronous call, which the container runs in an invocation of its own. The
 * figures demarcate their own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FiguresWriting {

  @Inject private RunFigures figures;

  @Asynchronous
  public Future<Duration> write(LocalDate date) {
    return CompletableFuture.completedFuture(figures.write(date));
  }
}
