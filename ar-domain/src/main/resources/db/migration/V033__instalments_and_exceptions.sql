-- Payment schedules inside one invoice, and the exceptions a collector makes for one invoice or
-- one policy step.

-- An invoice's payment terms in instalments (50 % at +5 days, 50 % at +10): each with its own due
-- date and amount, in due-date order. amount_through is the sum of this instalment and those before
-- it, so what is open on an instalment follows from invoice.allocated alone (payments settle the
-- instalments in date order): least(amount, amount_through - allocated) while above zero. Written
-- only by the invoice (Invoice.schedule), replaced as a whole.
create table invoice_instalment (
    invoice_id     bigint        not null references invoice (id),
    number         integer       not null,
    due_date       date          not null,
    amount         numeric(19,4) not null,
    amount_through numeric(19,4) not null,
    constraint invoice_instalment_pk primary key (invoice_id, number),
    constraint invoice_instalment_ck check (number >= 1 and amount > 0 and amount_through >= amount)
);

-- Whether the invoice has a schedule: the reminder run reads invoices without one as before, and
-- those with one by their instalments.
alter table invoice add column scheduled boolean default false not null;

-- Where an invoice stands in its policy, per instalment (0: the invoice as a whole, when it has no
-- schedule), so each instalment starts at the first step when it falls due.
alter table invoice_reminder rename to invoice_reminder_before_instalments;
create table invoice_reminder (
    invoice_id    bigint  not null,
    instalment_no integer not null,
    step_position integer not null,
    reminded_on   date    not null,
    constraint invoice_reminder_pk primary key (invoice_id, instalment_no)
);
insert into invoice_reminder (invoice_id, instalment_no, step_position, reminded_on)
select invoice_id, 0, step_position, reminded_on from invoice_reminder_before_instalments;
drop table invoice_reminder_before_instalments;

-- Which instalment of each listed invoice a reminder lists, in the order of invoice_ids (0: the
-- whole invoice); and of each invoice a run held back.
alter table outbox_message add column invoice_instalments integer array;
alter table outbox_item add column instalment_no integer default 0 not null;

-- Chasing stopped for one invoice, without a dispute: why, by whom, when, and until when (null: until
-- someone resumes it). Written only by the invoice (Invoice.stopChasing / resumeChasing).
alter table invoice add column chasing_stopped_reason varchar(200);
alter table invoice add column chasing_stopped_until date;
alter table invoice add column chasing_stopped_by varchar(64);
alter table invoice add column chasing_stopped_at timestamp with time zone;

-- The policy one invoice follows instead of its customer's (a key account, a public body).
alter table invoice add column reminder_policy_id bigint references reminder_policy (id);

-- Below this open amount a message at this step is not sent in that currency (the policy's own
-- minimum still applies to every step).
create table reminder_step_minimum (
    policy_id bigint        not null references reminder_policy (id),
    position  integer       not null,
    currency  varchar(3)    not null,
    amount    numeric(19,4) not null,
    constraint reminder_step_minimum_pk primary key (policy_id, position, currency),
    constraint reminder_step_minimum_ck check (position >= 0 and amount >= 0)
);

-- What is open and when it falls due, item by item, for the figures that age receivables: an
-- invoice without a schedule is one item, an invoice with one an item per instalment still open.
-- (invoice_open_item stays one row per invoice: payments and credits are applied to invoices.)
create view receivable_item as
select i.id as invoice_id, 0 as instalment_no, i.customer_id, i.currency, i.due_date,
       i.amount - i.allocated as open_amount
  from invoice i
 where i.state = 'ISSUED' and i.amount > i.allocated and not i.scheduled
union all
select i.id, n.number, i.customer_id, i.currency, n.due_date,
       least(n.amount, n.amount_through - i.allocated)
  from invoice_instalment n
  join invoice i on i.id = n.invoice_id
 where i.state = 'ISSUED' and n.amount_through > i.allocated;
