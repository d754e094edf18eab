package app.courtesy.web.approvals;

import app.courtesy.arrangement.ApprovalLimits;
import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementInbox;
import app.courtesy.arrangement.ArrangementInbox.Row;
import app.courtesy.arrangement.ArrangementInbox.Sort;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.charge.ChargeWaivers;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.web.CountedDataModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Backs {@code approvals/index.xhtml}, the approvers' inbox: pending arrangements paged and sorted
 * in the database, the longest waiting first. A proposal the signed-in approver may not approve
 * (their own, or beyond their limit) says so in a word, with the whole reason on hover; the service
 * checks again when they decide.
 */
@Named
@ViewScoped
public class ApprovalsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The column that sorts by how long a proposal has waited: longest first is oldest first. */
  private static final String WAITING = "WAITING";

  @Inject private transient ArrangementInbox inbox;
  @Inject private transient ArrangementService arrangements;
  @Inject private transient ApprovalLimits limits;
  @Inject private transient ChargeWaivers waivers;
  @Inject private transient UserAccountRepository accounts;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;

  /**
   * Why the signed-in approver may not approve a row, by arrangement id; rows of the page shown.
   */
  private final Map<Long, Hint> hints = new HashMap<>();

  private Map<String, String> names;
  private transient List<ChargeWaivers.Row> pendingWaivers;

  /** A short word on a row the approver may not approve, and the service's whole sentence. */
  public record Hint(String word, String sentence) implements Serializable {}

  private final CountedDataModel<Row> pending =
      new CountedDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return Math.toIntExact(inbox.count(ArrangementStatus.PENDING));
        }

        @Override
        protected List<Row> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
          SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
          Sort column;
          boolean ascending;
          if (sort == null || WAITING.equals(sort.getField())) {
            column = Sort.PROPOSED_AT;
            ascending = sort == null || !sort.getOrder().isAscending();
          } else {
            column = Sort.valueOf(sort.getField());
            ascending = sort.getOrder().isAscending();
          }
          List<Row> rows =
              inbox.page(ArrangementStatus.PENDING, column, ascending, first, pageSize);
          hints.clear();
          String actor = actor();
          for (Row row : rows) {
            hint(arrangements.get(row.id()), actor).ifPresent(h -> hints.put(row.id(), h));
          }
          return rows;
        }

        @Override
        public String getRowKey(Row row) {
          return String.valueOf(row.id());
        }
      };

  private Optional<Hint> hint(Arrangement arrangement, String actor) {
    return arrangements
        .whyNot(arrangement, actor, true)
        .map(sentence -> new Hint(word(arrangement, actor), sentence));
  }

  /** The reason {@link ArrangementService#whyNot} gave, in a word or two for a table cell. */
  private String word(Arrangement arrangement, String actor) {
    if (arrangement.getProposedBy().equals(actor)) {
      return "your proposal";
    }
    Optional<UserAccount> account = accounts.findByUsername(actor);
    if (account.isEmpty()) {
      return "not yours to decide";
    }
    return limits.of(account.get(), arrangement.getCovered().currency()).isEmpty()
        ? "no limit in " + arrangement.getCovered().currency().getCurrencyCode()
        : "above your limit";
  }

  /** The table starts with the longest waiting proposal on top. */
  public SortMeta getDefaultSort() {
    return SortMeta.builder().field(WAITING).order(SortOrder.DESCENDING).build();
  }

  /** Why the signed-in approver may not approve the row's arrangement; null when they may. */
  public Hint hint(Row row) {
    return hints.get(row.id());
  }

  /** How long the proposal has waited: "today", "1 day", "12 days". */
  public String age(Row row) {
    return age(row.proposedAt(), clock);
  }

  /**
   * How long ago {@code at} was, in whole days of the clock's zone: "today", "1 day", "12 days".
   */
  static String age(OffsetDateTime at, Clock clock) {
    long days =
        ChronoUnit.DAYS.between(
            at.atZoneSameInstant(clock.getZone()).toLocalDate(), LocalDate.now(clock));
    if (days <= 0) {
      return "today";
    }
    return days == 1 ? "1 day" : days + " days";
  }

  /** A user's display name, e.g. "Casey Collector"; the user name for anyone unknown. */
  public String name(String username) {
    if (names == null) {
      names =
          accounts.findAll().stream()
              .collect(Collectors.toMap(UserAccount::getUsername, UserAccount::getDisplayName));
    }
    return names.getOrDefault(username, username);
  }

  /** Waivers of late-payment charges waiting for an approver, the longest waiting first. */
  public List<ChargeWaivers.Row> getWaivers() {
    if (pendingWaivers == null) {
      pendingWaivers = waivers.pending();
    }
    return pendingWaivers;
  }

  public LazyDataModel<Row> getPending() {
    return pending;
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }
}
