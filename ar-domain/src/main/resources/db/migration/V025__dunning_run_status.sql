-- A run that fails is written down with its own transaction: who tried, when, and why. The date
-- may then be run again, even after later dates ran, and becomes COMPLETED. Every run before this
-- migration committed with its plan, so it completed.
alter table dunning_run add column status varchar(10) default 'COMPLETED' not null;
alter table dunning_run add column failed_at timestamp with time zone;
alter table dunning_run add column failure varchar(2000);
alter table dunning_run add constraint dunning_run_status_ck check (status in ('COMPLETED', 'FAILED'));

