package app.courtesy.selfservice;

import app.courtesy.shared.BusinessException;
import java.util.List;

/**
 * What the customer asked for on their page cannot be done as asked. The page tells them in their
 * own language: {@link #key()} names the sentence, {@link #arguments()} fill it; the message is the
 * English sentence, for logs and tests.
 */
public class SelfServiceRefusedException extends BusinessException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient List<Object> arguments;

  public SelfServiceRefusedException(String key, String english, Object... arguments) {
    super(english);
    this.key = key;
    this.arguments = List.of(arguments);
  }

  public String key() {
    return key;
  }

  public List<Object> arguments() {
    return arguments;
  }
}
