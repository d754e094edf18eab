package app.courtesy.notifications;

import app.courtesy.dispatch.HandOver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dispatcher's side of the hand-over, as the couriers' tests see it: every server named. */
final class HandOvers implements HandOver {

  private final List<String> servers = new CopyOnWriteArrayList<>();
  private final Runnable then;

  HandOvers() {
    this(() -> {});
  }

  /** Runs {@code then} at each hand-over, after noting it (to look, or to refuse by throwing). */
  HandOvers(Runnable then) {
    this.then = then;
  }

  @Override
  public void handingTo(String server) {
    servers.add(server);
    then.run();
  }

  List<String> servers() {
    return servers;
  }
}
