package app.courtesy.importing;

/** What to do when some rows are bad. */
public enum ImportMode {
  /** One bad row imports nothing (the default). */
  ALL_OR_NOTHING,
  /** Import the valid rows and report the others. */
  VALID_ROWS_ONLY
}
