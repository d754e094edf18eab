package app.courtesy.arrangement;

import app.courtesy.shared.BusinessException;
import java.util.List;

/**
 * A proposal or decision that breaks a rule of arrangements; nothing was written. Lists every
 * problem, each starting with the field it concerns.
 */
public class ArrangementRefusedException extends BusinessException {

  private final List<String> problems;

  public ArrangementRefusedException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public ArrangementRefusedException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
