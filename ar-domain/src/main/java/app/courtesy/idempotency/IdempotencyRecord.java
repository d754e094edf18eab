package app.courtesy.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The first response to a request that carried an {@code Idempotency-Key}, kept per caller and key.
 * While the first request runs, the status is empty.
 */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

  /** Caller and key together identify a record. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String caller;
    private String key;

    public Key() {}

    Key(String caller, String key) {
      this.caller = caller;
      this.key = key;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && Objects.equals(caller, that.caller)
          && Objects.equals(key, that.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(caller, key);
    }
  }

  @Id
  @Column(length = 64)
  private String caller;

  @Id
  @Column(name = "idem_key", length = 200)
  private String key;

  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  private Integer status;

  @Column(length = 1_000_000)
  private String response;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected IdempotencyRecord() {}

  IdempotencyRecord(String caller, String key, String requestHash, OffsetDateTime createdAt) {
    this.caller = caller;
    this.key = key;
    this.requestHash = requestHash;
    this.createdAt = createdAt;
  }

  Claim claimAgain(String requestHash) {
    if (!this.requestHash.equals(requestHash)) {
      return Claim.mismatch();
    }
    return status == null ? Claim.inFlight() : Claim.replay(status, response);
  }

  void complete(int status, String response) {
    this.status = status;
    this.response = response;
  }
}
