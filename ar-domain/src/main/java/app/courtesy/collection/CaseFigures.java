package app.courtesy.collection;

import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What puts a case where it is in the worklist, as the last review or action left it.
 *
 * @param overdue what is overdue in the customer's currency
 * @param oldestDueOn the due date of the oldest overdue invoice, in any currency
 * @param lastContactAt the latest contact that reached or was meant for the customer
 * @param promiseDueOn the date of a pending promise
 * @param promiseBrokenOn when a promise was found broken, until a collector follows it up
 * @param planDefaultedOn when a payment arrangement defaulted, until a collector follows it up
 * @param bounced an email address of the customer bounced
 * @param needsCall a call is due: a policy's phone step or a broken promise
 * @param replyWaitingOn when the oldest reply no one has answered yet came in
 */
public record CaseFigures(
    Money overdue,
    LocalDate oldestDueOn,
    OffsetDateTime lastContactAt,
    LocalDate promiseDueOn,
    LocalDate promiseBrokenOn,
    LocalDate planDefaultedOn,
    boolean bounced,
    boolean needsCall,
    LocalDate replyWaitingOn) {

  /** Days the oldest overdue invoice is late on {@code today}; 0 when nothing is. */
  public long daysLate(LocalDate today) {
    return oldestDueOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(oldestDueOn, today));
  }

  /**
   * Why the case ranks where it does, in plain words: "€4,210.00 overdue, oldest 47 days, promise
   * broken on 3 Nov, no contact for 12 days".
   */
  public String why(LocalDate today, Locale locale) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
    List<String> reasons = new ArrayList<>();
    reasons.add(overdue.format(locale) + " overdue");
    if (oldestDueOn != null) {
      reasons.add("oldest " + daysLate(today) + (daysLate(today) == 1 ? " day" : " days"));
    }
    if (promiseBrokenOn != null) {
      reasons.add("promise broken on " + day.format(promiseBrokenOn));
    } else if (promiseDueOn != null) {
      reasons.add("promised for " + day.format(promiseDueOn));
    }
    if (planDefaultedOn != null) {
      reasons.add("arrangement defaulted on " + day.format(planDefaultedOn));
    }
    if (lastContactAt == null) {
      reasons.add("never contacted");
    } else {
      long quiet = ChronoUnit.DAYS.between(lastContactAt.toLocalDate(), today);
      if (quiet > 0) {
        reasons.add("no contact for " + quiet + (quiet == 1 ? " day" : " days"));
      }
    }
    if (bounced) {
      reasons.add("an email bounced");
    }
    if (needsCall) {
      reasons.add("a call is due");
    }
    if (replyWaitingOn != null) {
      reasons.add("customer replied on " + day.format(replyWaitingOn) + ", not answered yet");
    }
    return String.join(", ", reasons);
  }
}
