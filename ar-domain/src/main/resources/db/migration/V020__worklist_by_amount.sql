-- The worklist's second order, largest overdue balance first: read from the index like the order
-- by priority, for a collector's cases and for everyone's, instead of sorting them all.
create index collection_case_work_amount_ix on collection_case (assignee_id, overdue_amount, id);
create index collection_case_amount_ix on collection_case (overdue_amount, id);
