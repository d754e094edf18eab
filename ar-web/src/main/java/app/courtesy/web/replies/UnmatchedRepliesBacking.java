package app.courtesy.web.replies;

import app.courtesy.reply.InboundReply;
import app.courtesy.reply.Replies;
import app.courtesy.web.DialogAction;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code replies/unmatched.xhtml}: the messages that matched no customer, each to assign to
 * the customer it is about or to discard with a reason; and the latest discarded, with why.
 */
@Named
@ViewScoped
public class UnmatchedRepliesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient Replies replies;
  @Inject private transient SecurityContext security;

  private List<Replies.Shown> unmatched;
  private List<InboundReply> discarded;

  /** What is typed beside each reply, by its id: a customer number, or a reason to discard. */
  private final Map<Long, String> customerNumbers = new HashMap<>();

  private final Map<Long, String> reasons = new HashMap<>();

  /** View action, and after each change. */
  public void load() {
    unmatched = replies.unmatched();
    discarded = replies.discarded();
  }

  public void assign(Replies.Shown shown) {
    InboundReply reply = shown.reply();
    String number = customerNumbers.get(reply.getId());
    DialogAction.runInForm(
        "unmatched-form",
        () -> {
          replies.assign(reply.getId(), reply.getVersion(), blank(number), actor());
          return "The reply from "
              + reply.getSender()
              + " is on customer "
              + number.strip()
              + "'s history.";
        },
        this::load);
  }

  public void discard(Replies.Shown shown) {
    InboundReply reply = shown.reply();
    DialogAction.runInForm(
        "unmatched-form",
        "The reply from " + reply.getSender() + " is set aside; the reason is kept below.",
        () ->
            replies.discard(
                reply.getId(), reply.getVersion(), blank(reasons.get(reply.getId())), actor()),
        this::load);
  }

  private static String blank(String value) {
    return value == null ? "" : value;
  }

  private String actor() {
    return security.getCallerPrincipal().getName();
  }

  public List<Replies.Shown> getUnmatched() {
    return unmatched;
  }

  public List<InboundReply> getDiscarded() {
    return discarded;
  }

  public Map<Long, String> getCustomerNumbers() {
    return customerNumbers;
  }

  public Map<Long, String> getReasons() {
    return reasons;
  }
}
