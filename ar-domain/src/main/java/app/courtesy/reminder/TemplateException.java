package app.courtesy.reminder;

import app.courtesy.shared.BusinessException;

/** A template that cannot be read, with the line of the first problem. */
public class TemplateException extends BusinessException {

  private final int line;
  private final String problem;

  public TemplateException(int line, String problem) {
    super("Line " + line + ": " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** The same problem, said of one part of an email: "Subject, line 1: …". */
  TemplateException(String part, TemplateException unreadable) {
    super(part + ", line " + unreadable.line + ": " + unreadable.problem);
    this.line = unreadable.line;
    this.problem = unreadable.problem;
  }

  public int line() {
    return line;
  }
}
