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
        '{"amount":"InvoiceAmount","customerNumber":"customerID","datePattern":"M/d/yyyy","decimalComma":false,"disputed":"Disputed","dueDate":"DueDate","invoiceNumber":"invoiceNumber","issueDate":"InvoiceDate","settledDate":"SettledDate"}',
        0, current_timestamp, 'system');
