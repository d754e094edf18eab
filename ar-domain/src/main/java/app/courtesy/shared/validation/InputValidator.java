package app.courtesy.shared.validation;

import app.courtesy.shared.RowError;
import app.courtesy.shared.Shares;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Checks input records (the items of a REST batch, the rows of a CSV file) by their constraints:
 * one error per item and field.
 *
 * <p>It uses the container's validator factory but without its persistence question: in a server
 * with JPA, the default validator asks the persistence provider before each property whether it is
 * loaded, which a record, never an entity, always is; over a file of 100,000 rows that asking cost
 * a quarter of the checking. A large input is checked in shares on the server's cores at once
 * (nothing else of an import runs meanwhile), {@value #SHARE} rows or more each.
 */
@ApplicationScoped
public class InputValidator {

  /** The fewest rows worth a share of their own. */
  static final int SHARE = 2_000;

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Inject private ValidatorFactory factory;

  @Resource private ManagedExecutorService executor;

  private Validator validator;

  @PostConstruct
  void create() {
    validator = factory.usingContext().traversableResolver(new EveryProperty()).getValidator();
  }

  /** The violations of every item, by item index and field name; an item that is null is empty. */
  public <T> List<RowError> rows(List<T> items) {
    return rows(items, row -> false);
  }

  /**
   * As {@link #rows(List)}, leaving out the items at the indexes {@code checkedBefore} names: those
   * that say again, field for field, what was checked when it was stored.
   */
  public <T> List<RowError> rows(List<T> items, IntPredicate checkedBefore) {
    int count = Math.max(1, Math.min(CORES, items.size() / SHARE));
    List<Supplier<List<RowError>>> shares = new ArrayList<>();
    for (int share = 0; share < count; share++) {
      int from = items.size() * share / count;
      int to = items.size() * (share + 1) / count;
      shares.add(() -> rows(items, from, to, checkedBefore));
    }
    return Shares.run(executor, shares).stream().flatMap(List::stream).toList();
  }

  private <T> List<RowError> rows(List<T> items, int from, int to, IntPredicate checkedBefore) {
    List<RowError> errors = new ArrayList<>();
    for (int row = from; row < to; row++) {
      T item = items.get(row);
      if (item == null) {
        errors.add(new RowError(row, "", "is empty"));
        continue;
      }
      if (checkedBefore.test(row)) {
        continue;
      }
      for (ConstraintViolation<T> violation : validator.validate(item)) {
        errors.add(
            new RowError(row, violation.getPropertyPath().toString(), violation.getMessage()));
      }
    }
    return errors;
  }

  /** Every property is there to check, and every {@code @Valid} one to check inside. */
  private static final class EveryProperty implements TraversableResolver {

    @Override
    public boolean isReachable(
        Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
      return true;
    }
  }
}
