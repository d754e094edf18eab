package app.courtesy.shared;

import java.util.List;

/** A batch had invalid items; nothing of it was written. Lists every problem, not the first. */
public class InvalidRowsException extends BusinessException {

  private final List<RowError> errors;

  public InvalidRowsException(List<RowError> errors) {
    super(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the input");
    this.errors = List.copyOf(errors);
  }

  public List<RowError> errors() {
    return errors;
  }
}
