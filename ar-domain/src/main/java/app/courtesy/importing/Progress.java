package app.courtesy.importing;

/** Receives how far a long piece of work has come, e.g. to move a progress bar. */
@FunctionalInterface
public interface Progress {

  Progress NONE = (percent, step) -> {};

  /**
   * @param percent 0 to 100
   * @param step what is being done now, in words
   */
  void report(int percent, String step);
}
