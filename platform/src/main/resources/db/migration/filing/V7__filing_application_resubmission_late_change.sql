-- Filing applications corrected after a return, and the 30-day change rule.
-- The code a sponsor gets with a portal submission: with the tracking number it opens a returned
-- application for correction. Only a keyed hash is kept; provider submissions have none.
alter table filing_application add column access_code_hash varchar(64);
-- How often the application was corrected and submitted again after a return.
alter table filing_application add column resubmissions int not null default 0;
-- A CHANGE states the day the facts changed; one submitted more than telereg.filing.change-days
-- after it is accepted but marked late (逾期变更), and counted.
alter table filing_application add column facts_changed_on date;
alter table filing_application add column late_change boolean not null default false;
create index filing_application_late on filing_application (late_change, province_code);
