package app.courtesy.shared;

/**
 * What a batch of upserts did: items created, items changed, items already exactly as given.
 * Sending the same batch again yields only {@code unchanged}.
 */
public record UpsertResult(int created, int updated, int unchanged) {

  public static UpsertResult none() {
    return new UpsertResult(0, 0, 0);
  }

  public UpsertResult count(Outcome outcome) {
    return switch (outcome) {
      case CREATED -> new UpsertResult(created + 1, updated, unchanged);
      case UPDATED -> new UpsertResult(created, updated + 1, unchanged);
      case UNCHANGED -> new UpsertResult(created, updated, unchanged + 1);
    };
  }

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }
}
