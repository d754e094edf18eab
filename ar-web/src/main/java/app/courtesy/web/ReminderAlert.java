package app.courtesy.web;

import app.courtesy.dunning.DunningRun;
import app.courtesy.dunning.DunningRuns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The banner every page shows while the latest dunning run queued nothing although invoices are
 * overdue and nobody has been reminded of them for a month.
 */
@Named
@RequestScoped
public class ReminderAlert {

  @Inject private DunningRuns runs;

  private Optional<DunningRun> quiet;

  /** The latest run, when it was quiet while money is overdue. */
  public DunningRun getQuietRun() {
    if (quiet == null) {
      List<DunningRun> latest = runs.history(1);
      quiet = latest.stream().filter(DunningRun::isQuietWhileOverdue).findFirst();
    }
    return quiet.orElse(null);
  }
}
