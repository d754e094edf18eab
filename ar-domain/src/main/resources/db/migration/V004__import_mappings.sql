-- How each invoice was delivered (on paper or electronically): reminders follow the same way.
alter table invoice add column delivery varchar(10);
alter table invoice add constraint invoice_delivery_ck check (delivery in ('PAPER', 'ELECTRONIC'));

-- Saved column mappings for CSV imports, reused across files of the same ERP export.
create table import_mapping (
    name       varchar(80)   not null primary key,
    definition varchar(4000) not null,
    version    bigint        not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(64)   not null
);

insert into import_mapping (name, definition, version, updated_at, updated_by)
values ('IBM accounts-receivable sample',
        '{"amount":"InvoiceAmount","customerNumber":"customerID","datePattern":"M/d/yyyy","decimalComma":false,"delivery":"PaperlessBill","disputed":"Disputed","dueDate":"DueDate","invoiceNumber":"invoiceNumber","issueDate":"InvoiceDate","settledDate":"SettledDate"}',
        0, current_timestamp, 'system');
