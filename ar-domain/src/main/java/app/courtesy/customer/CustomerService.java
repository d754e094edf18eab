package app.courtesy.customer;

import app.courtesy.security.Role;
import app.courtesy.security.UserAccount;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.RowError;
import app.courtesy.shared.Rows;
import app.courtesy.shared.UpsertResult;
import app.courtesy.shared.UpsertResult.Outcome;
import app.courtesy.shared.validation.InputValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Creates and updates customers from ERP data, keyed by external id. A batch is checked as a whole
 * first; if any item is wrong, nothing is written and every problem is reported.
 */
@ApplicationScoped
@Transactional
public class CustomerService {

  @Inject private CustomerRepository customers;
  @Inject private UserAccountRepository accounts;
  @Inject private InputValidator input;
  @Inject private Clock clock;

  /**
   * Saves what a person changed, if nobody else changed the customer since they read version {@code
   * expectedVersion}.
   *
   * @throws ConcurrentChangeException when someone else saved in between
   */
  public Customer edit(
      @NotBlank String number,
      long expectedVersion,
      @NotNull @Valid CustomerEdit edit,
      @NotBlank String actor) {
    Customer customer =
        customers
            .findByNumberForChange(number)
            .orElseThrow(() -> new NotFoundException("Customer", number));
    if (customer.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException(
          "Customer " + number, customer.getUpdatedBy(), customer.getUpdatedAt());
    }
    UserAccount collector = null;
    if (edit.collector() != null && !edit.collector().isBlank()) {
      collector =
          accounts
              .findByUsername(edit.collector())
              .filter(account -> account.hasRole(Role.COLLECTOR))
              .orElseThrow(() -> new NotFoundException("Collector", edit.collector()));
    }
    String policy =
        edit.reminderPolicy() == null || edit.reminderPolicy().isBlank()
            ? null
            : edit.reminderPolicy();
    Long policyId =
        policy == null
            ? null
            : Optional.ofNullable(customers.reminderPolicyIds(List.of(policy)).get(policy))
                .orElseThrow(() -> new NotFoundException("Reminder policy", policy));
    customer.revise(
        new CustomerData(
            customer.getExternalId(),
            customer.getNumber(),
            edit.name().strip(),
            customer.getCountry(),
            edit.timeZone(),
            edit.locale(),
            customer.getCurrency().getCurrencyCode(),
            edit.collector(),
            edit.notes() == null || edit.notes().isBlank() ? null : edit.notes(),
            policy),
        collector,
        policyId,
        actor,
        OffsetDateTime.now(clock));
    return customer;
  }

  public UpsertResult upsert(List<CustomerData> items, String actor) {
    List<RowError> errors = new ArrayList<>(input.rows(items));
    errors.addAll(Rows.duplicates(items, CustomerData::externalId, "externalId"));
    errors.addAll(Rows.duplicates(items, CustomerData::number, "number"));
    Set<Integer> invalid = Rows.rowsIn(errors);

    Map<String, Customer> existing =
        customers.byExternalId(
            items.stream().filter(Objects::nonNull).map(CustomerData::externalId).toList());
    Map<String, Customer> byNumber =
        customers.byNumber(
            items.stream().filter(Objects::nonNull).map(CustomerData::number).toList());
    Map<String, UserAccount> collectors = new HashMap<>();
    Map<String, Long> policies =
        customers.reminderPolicyIds(
            items.stream().filter(Objects::nonNull).map(CustomerData::reminderPolicy).toList());
    for (int row = 0; row < items.size(); row++) {
      CustomerData item = items.get(row);
      if (invalid.contains(row)) {
        continue;
      }
      Customer holder = byNumber.get(item.number());
      if (holder != null && !item.externalId().equals(holder.getExternalId())) {
        errors.add(new RowError(row, "number", "customer number " + item.number() + " is taken"));
      }
      if (item.collector() != null) {
        UserAccount collector =
            collectors.computeIfAbsent(
                item.collector(), name -> accounts.findByUsername(name).orElse(null));
        if (collector == null || !collector.hasRole(Role.COLLECTOR)) {
          errors.add(
              new RowError(row, "collector", "no collector with username " + item.collector()));
        }
      }
      if (item.reminderPolicy() != null && !policies.containsKey(item.reminderPolicy())) {
        errors.add(
            new RowError(
                row, "reminderPolicy", "no reminder policy named " + item.reminderPolicy()));
      }
    }
    Rows.requireNone(errors);

    OffsetDateTime now = OffsetDateTime.now(clock);
    UpsertResult result = UpsertResult.none();
    for (CustomerData item : items) {
      UserAccount collector = item.collector() == null ? null : collectors.get(item.collector());
      Customer customer = existing.get(item.externalId());
      if (customer == null) {
        customers.add(new Customer(item, collector, policies.get(item.reminderPolicy()), now));
        result = result.count(Outcome.CREATED);
      } else {
        boolean changed =
            customer.revise(item, collector, policies.get(item.reminderPolicy()), actor, now);
        result = result.count(changed ? Outcome.UPDATED : Outcome.UNCHANGED);
      }
    }
    return result;
  }
}
