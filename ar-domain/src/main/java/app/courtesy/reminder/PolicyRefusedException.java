package app.courtesy.reminder;

import app.courtesy.shared.BusinessException;
import java.util.List;

/** A policy change that would not make sense; nothing was saved. Lists every problem. */
public class PolicyRefusedException extends BusinessException {

  private final List<String> problems;

  public PolicyRefusedException(List<String> problems) {
    super("The policy was not saved: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
