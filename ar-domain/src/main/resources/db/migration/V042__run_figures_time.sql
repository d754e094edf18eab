-- How long a completed run spent writing the collections figures of the days before it (the daily
-- snapshots), so the share of the run they cost is on record; null for runs before this column.
alter table dunning_run add column figures_ms bigint;
