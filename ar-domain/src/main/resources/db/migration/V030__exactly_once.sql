-- Each message's way out, as exactly as the protocol tells it: a claim is a lease held by one
-- dispatcher (its token, until when), and the moment the message is handed to the server (just
-- before SMTP DATA, the gateway's POST, the letter's file) is committed on its own. A claim whose
-- lease ran out before the message was handed over is claimed again by any node; a message handed
-- over without an answer is unconfirmed, and a person decides.
alter table outbox_message add column claim_token varchar(60);
alter table outbox_message add column claimed_by varchar(120);
alter table outbox_message add column lease_until timestamp with time zone;
alter table outbox_message add column handed_over_at timestamp with time zone;
alter table outbox_message add column handed_to varchar(200);
-- A person sent an unconfirmed message again: it says so to the customer.
alter table outbox_message add column sent_again boolean default false not null;
alter table outbox_message add column checked_by varchar(64);

-- Claims of the earlier dispatcher were not recorded per message: any of them may have gone out.
update outbox_message
   set handed_over_at = claimed_at, lease_until = claimed_at
 where status = 'SENDING';
