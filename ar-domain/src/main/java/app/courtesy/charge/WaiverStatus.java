package app.courtesy.charge;

/** Where a waiver of a charge document stands. */
public enum WaiverStatus {
  /** Proposed by a collector, waiting for an approver. */
  PENDING,
  /** Waived: by an approver's decision, or directly by an approver. */
  APPROVED,
  /** An approver decided the charge stands. */
  REJECTED
}
