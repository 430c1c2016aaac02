-- Reports count against the sender as allocated: the senders of a 106 port append extension digits
-- (10690123450001, 10690123450002, …), all of them the port's holder; a number is itself.
alter table spam_report add column sender_key varchar(300);
update spam_report set sender_key = reported_party;
create index spam_report_by_sender on spam_report (sender_key, received_at);
