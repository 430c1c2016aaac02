-- A report against a 106 SMS port names the port's holder (from the numbering register): the
-- company behind the messages, which gets the credit record; the carrying operator gets the report.
alter table spam_report add column port_holder_credit_code varchar(18);
alter table spam_report add column port_holder_name varchar(200);
