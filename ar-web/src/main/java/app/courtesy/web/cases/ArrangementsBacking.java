package app.courtesy.web.cases;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementRefusedException;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.ArrangementStatus;
import app.courtesy.arrangement.Frequency;
import app.courtesy.arrangement.InstalmentLine;
import app.courtesy.arrangement.PlannedInstalment;
import app.courtesy.arrangement.Proposal;
import app.courtesy.invoice.OpenItem;
import app.courtesy.web.DialogAction;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs the arrangements part of {@code cases/view.xhtml}: the customer's arrangements, withdrawing
 * one's own pending proposal, and the dialog that proposes an instalment plan, an extension or an
 * early-payment discount. The dialog checks the proposal and shows the customer's letter before it
 * is submitted; a plan's dates and amounts can be written by hand.
 */
@Named
@ViewScoped
public class ArrangementsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One instalment as the dialog edits it. */
  public static class Line implements Serializable {
    private static final long serialVersionUID = 1L;
    private LocalDate dueOn;
    private BigDecimal amount;

    Line(LocalDate dueOn, BigDecimal amount) {
      this.dueOn = dueOn;
      this.amount = amount;
    }

    public LocalDate getDueOn() {
      return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
      this.dueOn = dueOn;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    public void setAmount(BigDecimal amount) {
      this.amount = amount;
    }
  }

  @Inject private transient ArrangementService arrangements;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;
  @Inject private transient Formats formats;
  @Inject private CaseViewBacking page;

  private ArrangementKind kind;
  private List<String> invoiceNumbers = new ArrayList<>();
  private String reason;
  private Integer count;
  private LocalDate firstDate;
  private Frequency frequency;
  private boolean byHand;
  private List<Line> lines = new ArrayList<>();
  private LocalDate newDueDate;
  private BigDecimal discountPercent;
  private LocalDate payBy;
  private transient ArrangementService.Draft draft;

  /** The customer's arrangements, newest first. */
  public List<Arrangement> getList() {
    return arrangements.ofCustomer(page.getCustomer().getId());
  }

  /** Opens the dialog on a plan of three monthly instalments over every invoice not disputed. */
  public void start() {
    LocalDate today = LocalDate.now(clock);
    kind = ArrangementKind.INSTALMENTS;
    invoiceNumbers =
        new ArrayList<>(page.getOpenItems().stream().map(OpenItem::invoiceNumber).toList());
    reason = null;
    count = 3;
    firstDate = today.plusDays(7);
    frequency = Frequency.MONTHLY;
    byHand = false;
    lines = new ArrayList<>();
    newDueDate = today.plusDays(30);
    discountPercent = BigDecimal.valueOf(2);
    payBy = today.plusDays(10);
    draft = null;
  }

  /** Checks the proposal and shows the schedule and the customer's letter; saves nothing. */
  public void check() {
    try {
      draft = arrangements.draft(page.getCase().getId(), proposal(), actor());
      if (kind == ArrangementKind.INSTALMENTS) {
        lines = new ArrayList<>();
        for (PlannedInstalment planned : draft.schedule()) {
          lines.add(new Line(planned.dueOn(), planned.amount().amount()));
        }
      }
    } catch (ArrangementRefusedException refused) {
      draft = null;
      refused.problems().forEach(problem -> DialogAction.refuse("arrangement", problem));
    }
  }

  /** Writing dates and amounts by hand starts from the schedule worked out so far. */
  public void byHandChanged() {
    if (byHand && lines.isEmpty()) {
      check();
    }
  }

  /** The proposal goes to the approvers. */
  public void propose() {
    DialogAction.run(
        "arrangement",
        "Proposed for approval. An approver other than you decides it; the customer hears"
            + " nothing until then.",
        () -> arrangements.propose(page.getCase().getId(), proposal(), actor()),
        page::load);
  }

  /** Takes back one's own pending proposal. */
  public void withdraw(Arrangement arrangement) {
    DialogAction.run(
        "arrangement",
        "Proposal withdrawn; its invoices are chased as before.",
        () -> arrangements.withdraw(arrangement.getId(), arrangement.getVersion(), null, actor()),
        page::load);
  }

  /** Whether the signed-in person proposed this pending arrangement and may withdraw it. */
  public boolean mayWithdraw(Arrangement arrangement) {
    return arrangement.getStatus() == ArrangementStatus.PENDING
        && arrangement.getProposedBy().equals(actor());
  }

  /** "3 instalments, monthly, 1 Dec 2026 – 1 Feb 2027", "new due date 12 Jan 2027", … */
  public String terms(Arrangement arrangement) {
    List<PlannedInstalment> schedule = arrangement.getSchedule();
    return switch (arrangement.getKind()) {
      case INSTALMENTS ->
          schedule.size()
              + " instalments"
              + arrangement.getFrequency().map(f -> ", " + f.label()).orElse(", dates by hand")
              + ", "
              + formats.date(schedule.get(0).dueOn())
              + " – "
              + formats.date(schedule.get(schedule.size() - 1).dueOn());
      case EXTENSION -> "new due date " + formats.date(arrangement.getNewDueDate());
      case DISCOUNT ->
          arrangement.getDiscountPercent().stripTrailingZeros().toPlainString()
              + " % off if "
              + formats.money(schedule.get(0).amount())
              + " is paid by "
              + formats.date(arrangement.getPayBy());
    };
  }

  private Proposal proposal() {
    boolean plan = kind == ArrangementKind.INSTALMENTS;
    return new Proposal(
        kind,
        List.copyOf(invoiceNumbers),
        reason,
        plan ? count : null,
        plan ? firstDate : null,
        plan ? frequency : null,
        plan && byHand
            ? lines.stream().map(l -> new InstalmentLine(l.getDueOn(), l.getAmount())).toList()
            : null,
        kind == ArrangementKind.EXTENSION ? newDueDate : null,
        kind == ArrangementKind.DISCOUNT ? discountPercent : null,
        kind == ArrangementKind.DISCOUNT ? payBy : null);
  }

  /** Adds an empty instalment at the end of a plan written by hand. */
  public void addLine() {
    lines.add(new Line(null, null));
  }

  public void removeLine(Line line) {
    lines.remove(line);
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  public ArrangementKind[] getKinds() {
    return ArrangementKind.values();
  }

  public Frequency[] getFrequencies() {
    return Frequency.values();
  }

  public ArrangementService.Draft getDraft() {
    return draft;
  }

  public ArrangementKind getKind() {
    return kind;
  }

  public void setKind(ArrangementKind kind) {
    this.kind = kind;
    this.draft = null;
  }

  public List<String> getInvoiceNumbers() {
    return invoiceNumbers;
  }

  public void setInvoiceNumbers(List<String> invoiceNumbers) {
    this.invoiceNumbers = invoiceNumbers == null ? new ArrayList<>() : invoiceNumbers;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public LocalDate getFirstDate() {
    return firstDate;
  }

  public void setFirstDate(LocalDate firstDate) {
    this.firstDate = firstDate;
  }

  public Frequency getFrequency() {
    return frequency;
  }

  public void setFrequency(Frequency frequency) {
    this.frequency = frequency;
  }

  public boolean isByHand() {
    return byHand;
  }

  public void setByHand(boolean byHand) {
    this.byHand = byHand;
  }

  public List<Line> getLines() {
    return lines;
  }

  public LocalDate getNewDueDate() {
    return newDueDate;
  }

  public void setNewDueDate(LocalDate newDueDate) {
    this.newDueDate = newDueDate;
  }

  public BigDecimal getDiscountPercent() {
    return discountPercent;
  }

  public void setDiscountPercent(BigDecimal discountPercent) {
    this.discountPercent = discountPercent;
  }

  public LocalDate getPayBy() {
    return payBy;
  }

  public void setPayBy(LocalDate payBy) {
    this.payBy = payBy;
  }
}
