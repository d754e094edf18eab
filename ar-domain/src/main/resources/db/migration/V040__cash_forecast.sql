-- The cash-in forecast each daily run makes on its date, per currency and week (CashForecastWeeks,
-- one statement per date): week 1 starts on the date it was made, week 14 is everything expected
-- after the 13 weeks. A date is written once. The dashboard and the reports API read the latest, and
-- 13 weeks later the same rows say how much of the forecast came true.
create table cash_forecast_week (
    made_on    date          not null,
    currency   varchar(3)    not null,
    week       integer       not null,
    amount     numeric(19,4) not null,
    items      integer       not null,
    written_at timestamp with time zone not null,
    constraint cash_forecast_week_pk primary key (made_on, currency, week),
    constraint cash_forecast_week_ck check (week between 1 and 14)
);
