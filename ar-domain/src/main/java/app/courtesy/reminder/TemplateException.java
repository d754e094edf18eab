package app.courtesy.reminder;

import app.courtesy.shared.BusinessException;

/** A template that cannot be read, with the line of the first problem. */
public class TemplateException extends BusinessException {

  private final int line;

  public TemplateException(int line, String problem) {
    super("Line " + line + ": " + problem);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
