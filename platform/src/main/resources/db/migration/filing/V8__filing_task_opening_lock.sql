-- The one row that opening supervision tasks locks first, so that two checks at the same moment (two officers
-- checking one provider, or a check during the nightly stale-filing run) cannot both find no open task for a
-- finding and both open one.
create table filing_task_opening (
    id int primary key
);
insert into filing_task_opening (id) values (1);
