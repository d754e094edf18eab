-- Collections figures about promises, arrangements, collectors and disputes.
--
-- What was paid on each case per day, written by the daily run with the receivables of the day
-- (one insert … select per day), so the dashboard never sums payments and their allocations over
-- the book per view: the payments dated that day, allocated to invoices of a customer whose case
-- was open that day, and the collector the case was assigned to then. A day is written once.
create table case_collected_day (
    business_date date          not null,
    case_id       bigint        not null references collection_case (id),
    collector_id  bigint        references app_user (id),
    currency      varchar(3)    not null,
    amount        numeric(19,4) not null,
    constraint case_collected_day_pk primary key (business_date, case_id, currency)
);
create index case_collected_day_collector_ix on case_collected_day (collector_id, business_date);

-- The activity tables are read per view, each for the chosen period only.
create index promise_decided_ix on promise_to_pay (decided_on);
create index promise_recorded_ix on promise_to_pay (recorded_at);
create index arrangement_active_from_ix on arrangement (active_from);
create index arrangement_closed_ix on arrangement (closed_on);
create index collection_case_closed_ix on collection_case (closed_on);
create index dispute_opened_ix on dispute (opened_at);
create index dispute_resolved_ix on dispute (resolved_at);
-- A person's own contacts in a period, among every reminder the log holds.
create index communication_actor_ix on communication (actor, occurred_at);
