-- After acceptance: the respondent operator's response (by its deadline), the administration's
-- mediation and closing outcome, and the complainant's rating of it.
alter table appeals_appeal add column response_deadline date;
alter table appeals_appeal add column response_text varchar(4000);
alter table appeals_appeal add column responded_at timestamp with time zone;
alter table appeals_appeal add column responded_by varchar(100);
alter table appeals_appeal add column mediation_record varchar(4000);
alter table appeals_appeal add column outcome varchar(20);
alter table appeals_appeal add column outcome_note varchar(2000);
alter table appeals_appeal add column closed_at timestamp with time zone;
alter table appeals_appeal add column closed_by varchar(100);
alter table appeals_appeal add column rating int;
alter table appeals_appeal add column rating_comment varchar(500);
alter table appeals_appeal add column rated_at timestamp with time zone;
create index appeals_by_respondent on appeals_appeal (respondent_credit_code, status);
