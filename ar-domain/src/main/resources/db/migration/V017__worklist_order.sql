-- The worklist reads cases in its order: by priority (or a collector's by priority), then by id the
-- same way round, so the first page is read straight from the index.
drop index collection_case_work_ix;
drop index collection_case_rank_ix;
create index collection_case_work_ix on collection_case (assignee_id, priority, id);
create index collection_case_rank_ix on collection_case (priority, id);
