-- What the screening engine made of a reported message, and the category it suggests.
alter table spam_report add column screening_verdict varchar(10);
alter table spam_report add column screening_score numeric(4, 3);
alter table spam_report add column screening_reasons varchar(1000);
alter table spam_report add column suggested_category varchar(20);
