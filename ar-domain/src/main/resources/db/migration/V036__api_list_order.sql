-- The API reads lists page by page from where the last page ended (keyset paging): customers by
-- name and payments by payment date, each with the id to break ties, are read from these indexes
-- instead of sorting the whole table for every page.
create index customer_name_ix on customer (name, id);
create index payment_date_ix on payment (payment_date, id);
