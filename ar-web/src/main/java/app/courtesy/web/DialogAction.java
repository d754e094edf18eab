package app.courtesy.web;

import app.courtesy.shared.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * Runs what a dialog's button asks for: on success the page reloads its data, says so and closes
 * the dialog ({@code widgetVar} {@code <name>Dialog}); on refusal the dialog ({@code <name>-form})
 * stays open with what was typed and says why, naming the field. A form on the page itself works
 * the same through {@link #runInForm}.
 */
public final class DialogAction {

  private DialogAction() {}

  /**
   * @param dialog the dialog's name, e.g. {@code promise} for {@code promiseDialog}
   * @param done what to tell the person once it worked
   * @param reload reloads the page's data after the action
   * @return whether the action went through
   */
  public static boolean run(String dialog, String done, Runnable action, Runnable reload) {
    return run(dialog, told(done, action), reload);
  }

  /**
   * Like {@link #run(String, String, Runnable, Runnable)}, for an action whose result says what to
   * tell the person once it worked, e.g. an amount as it was saved.
   */
  public static boolean run(String dialog, Supplier<String> action, Runnable reload) {
    boolean worked = runInForm(dialog + "-form", action, reload);
    if (worked) {
      PrimeFaces.current().executeScript("PF('" + dialog + "Dialog').hide()");
    }
    return worked;
  }

  /**
   * Like {@link #run}, for a form on the page itself rather than in a dialog: nothing to close.
   *
   * @param form the form's client id, e.g. {@code decision-form}, where a refusal shows
   */
  public static boolean runInForm(String form, String done, Runnable action, Runnable reload) {
    return runInForm(form, told(done, action), reload);
  }

  /**
   * Like {@link #runInForm(String, String, Runnable, Runnable)}, for an action that says what it
   * did.
   */
  public static boolean runInForm(String form, Supplier<String> action, Runnable reload) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      String done = action.get();
      reload.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
      return true;
    } catch (BusinessException refused) {
      refuseIn(form, refused.getMessage());
    } catch (ConstraintViolationException invalid) {
      refuseIn(
          form,
          invalid.getConstraintViolations().stream()
              .map(v -> label(v.getPropertyPath().toString()) + " " + v.getMessage())
              .sorted()
              .collect(Collectors.joining("; ")));
    } catch (PersistenceException | TransactionalException lostRace) {
      refuseIn(
          form,
          "Someone else changed this at the same moment. Nothing of yours was saved;"
              + " reload to see the change, then try again.");
    }
    return false;
  }

  private static Supplier<String> told(String done, Runnable action) {
    return () -> {
      action.run();
      return done;
    };
  }

  /** Shows why in the dialog, which stays open. */
  public static void refuse(String dialog, String message) {
    refuseIn(dialog + "-form", message);
  }

  /** Shows why in the form, which keeps what was typed. */
  public static void refuseIn(String form, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(form, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    faces.validationFailed();
  }

  /** A field's name in the dialogs, from a path such as {@code recordPromise.terms.amount}. */
  private static String label(String path) {
    String field = path.substring(path.lastIndexOf('.') + 1);
    return switch (field) {
      case "amount" -> "Amount:";
      case "date" -> "Date:";
      case "invoices" -> "Invoices:";
      case "reason" -> "Reason:";
      case "until" -> "Until:";
      case "text" -> "Note:";
      case "subject" -> "Subject:";
      case "body" -> "Text:";
      case "contactId" -> "To:";
      case "collector" -> "Collector:";
      case "customerNumber" -> "Customer:";
      default -> field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1) + ":";
    };
  }
}
