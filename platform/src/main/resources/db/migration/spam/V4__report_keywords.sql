-- The screening engine's keyword groups each report's message matched: the bulletin's top keywords.
create table spam_report_keyword (
    report_id bigint       not null references spam_report (id),
    group_id  varchar(100) not null,
    primary key (report_id, group_id)
);
create index spam_report_keyword_by_group on spam_report_keyword (group_id);
