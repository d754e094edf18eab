package app.courtesy.bench;

import app.courtesy.bench.Application.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What collectors and approvers have done on the book's open cases before the measured day: a
 * promise to pay on about one case in a hundred, and an instalment plan, proposed by one person and
 * approved by another, on about one in three hundred. Written through the API as people write them,
 * so every rule, mark on an invoice and log entry is the application's own; cases are picked by
 * their id, so the same book gets the same work.
 */
final class CollectorsWork {

  /** What was recorded. */
  record Done(int promises, int arrangements) {}

  /** A case to work on: its version, currency and overdue invoices not in dispute. */
  private record Case(
      long id, long version, String currency, String overdue, List<String> invoices) {

    boolean promises() {
      return id % 100 == 7;
    }
  }

  private static final String APPROVER = "bench-approver";
  private static final String APPROVER_PASSWORD = "quiet-lantern-meadow-7";

  /**
   * Above any case of the book, in every currency: the approver's limit is not what is measured.
   */
  private static final String APPROVAL_LIMIT = "1000000000";

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  private final Settings settings;
  private final Connection db;
  private final LocalDate today;

  CollectorsWork(Settings settings, Connection db, LocalDate today) {
    this.settings = settings;
    this.db = db;
    this.today = today;
  }

  /** Records the promises and plans, two cases at a time. */
  Done record() throws SQLException {
    Application admin = Application.api(settings);
    List<Case> cases = cases();
    Application approver = approverFor(admin, cases);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Case c : cases) {
        work.add(
            pool.submit(
                () -> {
                  if (c.promises()) {
                    promise(admin, c);
                  } else {
                    arrangement(admin, approver, c);
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Recording the collectors' work failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int promises = (int) cases.stream().filter(Case::promises).count();
    return new Done(promises, cases.size() - promises);
  }

  private List<Case> cases() throws SQLException {
    List<Case> cases = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select k.id, k.version, k.currency, sum(i.amount - i.allocated),"
                + " string_agg(i.number, ',' order by i.number)"
                + " from collection_case k"
                + " join invoice i on i.customer_id = k.customer_id and i.currency = k.currency"
                + " where k.open_customer_id is not null and k.status = 'OPEN'"
                + " and (k.id % 100 = 7 or k.id % 300 = 11)"
                + " and i.state = 'ISSUED' and i.amount > i.allocated and i.due_date < ?"
                + " and not i.disputed"
                + " group by k.id, k.version, k.currency order by k.id")) {
      query.setObject(1, today);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          cases.add(
              new Case(
                  rows.getLong(1),
                  rows.getLong(2),
                  rows.getString(3),
                  rows.getBigDecimal(4).toPlainString(),
                  List.of(rows.getString(5).split(","))));
        }
      }
    }
    return cases;
  }

  /** The approver who signs the plans off, with a limit in each currency the plans are in. */
  private Application approverFor(Application admin, List<Case> cases) {
    admin.createUser(APPROVER, "Benchmark approver", APPROVER_PASSWORD, "approver");
    Set<String> currencies = cases.stream().map(Case::currency).collect(Collectors.toSet());
    for (String currency : currencies) {
      admin
          .putJson(
              "/api/v1/approval-limits/" + APPROVER + "/" + currency,
              "{\"amount\":\"" + APPROVAL_LIMIT + "\"}")
          .requireStatus(200, "The approval limit in " + currency);
    }
    return Application.api(settings, APPROVER, APPROVER_PASSWORD);
  }

  /** The whole overdue amount, promised for a day one to three weeks ahead. */
  private void promise(Application collector, Case c) {
    collector
        .postJson(
            "/api/v1/cases/" + c.id() + "/promises",
            "{\"amount\":\""
                + c.overdue()
                + "\",\"date\":\""
                + today.plusDays(7 + c.id() % 15)
                + "\",\"invoices\":"
                + numbers(c)
                + ",\"note\":\"Promised on a call with accounts payable\"}",
            c.version())
        .requireStatus(201, "A promise on case " + c.id());
  }

  /** Three monthly instalments from a week ahead, proposed, then approved by the approver. */
  private void arrangement(Application collector, Application approver, Case c) {
    Answer proposed =
        collector
            .postJson(
                "/api/v1/arrangements",
                "{\"caseId\":"
                    + c.id()
                    + ",\"kind\":\"INSTALMENTS\",\"invoices\":"
                    + numbers(c)
                    + ",\"reason\":\"A slow season: the customer asked to spread the payment\""
                    + ",\"count\":3,\"firstDate\":\""
                    + today.plusDays(7)
                    + "\",\"frequency\":\"MONTHLY\"}")
            .requireStatus(201, "An instalment plan on case " + c.id());
    approver
        .postJson(
            "/api/v1/arrangements/" + first(ID, proposed) + "/approve",
            "{\"note\":\"Fits the customer's history\"}",
            Long.parseLong(first(VERSION, proposed)))
        .requireStatus(200, "Approving the plan on case " + c.id());
  }

  private static String numbers(Case c) {
    return c.invoices().stream().collect(Collectors.joining("\",\"", "[\"", "\"]"));
  }

  private static String first(Pattern pattern, Answer answer) {
    Matcher matcher = pattern.matcher(answer.body());
    if (!matcher.find()) {
      throw new IllegalStateException("No " + pattern + " in " + answer.body());
    }
    return matcher.group(1);
  }
}
