package app.courtesy.charge;

import app.courtesy.shared.BusinessException;
import java.util.List;

/**
 * A change of charges, rates or settlements that would not make sense; nothing was written. Lists
 * every problem, each starting with the field it concerns ({@code "margin: …"}).
 */
public class ChargesRefusedException extends BusinessException {

  private final List<String> problems;

  public ChargesRefusedException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public ChargesRefusedException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
