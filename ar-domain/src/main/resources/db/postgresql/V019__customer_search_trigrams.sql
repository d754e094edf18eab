-- Searching as one types finds customers by any part of their number or name (lower(…) like
-- '%…%'), which no b-tree serves: over 100,000 customers every keystroke read them all. Trigram
-- indexes serve such patterns. pg_trgm ships with PostgreSQL and is a trusted extension: the
-- database's owner may create it. (H2 has no trigram index and scans, which suits its small books.)
create extension if not exists pg_trgm;

create index customer_name_trgm_ix on customer using gin (lower(name) gin_trgm_ops);
create index customer_number_trgm_ix on customer using gin (lower(number) gin_trgm_ops);
