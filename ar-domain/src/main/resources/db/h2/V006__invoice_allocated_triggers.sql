-- Keeps invoice.allocated equal to the sum of the invoice's payment and credit allocations (see
-- V005); H2 runs triggers written in Java.
create trigger payment_allocation_total after insert, update, delete on payment_allocation
  for each row call 'app.courtesy.database.AllocatedTotalTrigger';
create trigger credit_allocation_total after insert, update, delete on credit_allocation
  for each row call 'app.courtesy.database.AllocatedTotalTrigger';
