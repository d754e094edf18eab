-- Waivers of late-payment charges: a collector proposes waiving a charge document with a reason,
-- an approver other than the proposer decides within their approval limit, or an approver waives
-- one directly (within their limit; proposer and decider are then the same person). Every waiver
-- stays here, decided or not; the document itself keeps what was waived, by whom and why.
create sequence charge_waiver_seq start with 50 increment by 50;
create table charge_waiver (
    id            bigint        not null primary key,
    document_id   bigint        not null references charge_document (id),
    currency      varchar(3)    not null,
    amount        numeric(19,4) not null,
    reason        varchar(1000) not null,
    status        varchar(10)   not null,
    proposed_by   varchar(64)   not null,
    proposed_at   timestamp with time zone not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    decision_note varchar(1000),
    version       bigint        not null,
    constraint charge_waiver_status_ck check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint charge_waiver_amount_ck check (amount > 0)
);
create index charge_waiver_document_ix on charge_waiver (document_id);
create index charge_waiver_status_ix on charge_waiver (status, proposed_at);
