-- Every outbox message says what it stands for in a key of its own, unique in the outbox, instead
-- of negative step positions and counters standing in for one: a reminder per customer, currency
-- and business date; a note per instalment; a confirmation per arrangement; a thank-you per kept
-- promise or per reminded balance settled. Messages queued before the key keep one made of their
-- own id. Only reminders have a policy step now.
alter table outbox_message add column dedup_key varchar(200);
update outbox_message
   set dedup_key = case kind
       when 'REMINDER' then 'reminder/' || cast(customer_id as varchar(40)) || '/' || currency
                            || '/' || cast(business_date as varchar(40))
       when 'AGREED' then 'agreed/' || cast(arrangement_id as varchar(40))
       when 'INSTALMENT' then 'instalment/' || cast(arrangement_id as varchar(40)) || '/'
                              || cast(instalment_no as varchar(40))
       when 'MISSED' then 'missed/' || cast(arrangement_id as varchar(40)) || '/'
                          || cast(instalment_no as varchar(40))
       when 'THANK_YOU' then 'thank-you/message/' || cast(id as varchar(40))
       else 'personal/message/' || cast(id as varchar(40)) end;
alter table outbox_message alter column dedup_key set not null;
alter table outbox_message drop constraint outbox_message_uk;
alter table outbox_message add constraint outbox_message_dedup_uk unique (dedup_key);
alter table outbox_message drop column personal_no;
alter table outbox_message alter column step_position drop not null;
update outbox_message set step_position = null where kind <> 'REMINDER';
