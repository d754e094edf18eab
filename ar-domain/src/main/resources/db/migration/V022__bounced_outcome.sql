-- A bounce that comes back by email after the message went out is logged as what it is.
alter table communication drop constraint communication_outcome_ck;
alter table communication add constraint communication_outcome_ck
    check (outcome in ('SENT', 'FAILED', 'SUPPRESSED', 'TASK', 'UNCONFIRMED', 'RECORDED',
                       'BOUNCED'));
