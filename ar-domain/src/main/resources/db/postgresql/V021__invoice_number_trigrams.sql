-- The invoice list finds invoices by any part of their number (lower(…) like '%…%'), which no
-- b-tree serves: over a million invoices every search read them all. A trigram index serves such
-- patterns, beside the customers' (V019). (H2 scans, which suits its small books.)
create index invoice_number_trgm_ix on invoice using gin (lower(number) gin_trgm_ops);
