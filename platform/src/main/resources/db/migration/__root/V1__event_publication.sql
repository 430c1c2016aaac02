-- Spring Modulith's JDBC event publication registry (transactional outbox), schema v2.
-- Written once for H2 (PostgreSQL mode) and PostgreSQL; VARCHAR(1000000) instead of TEXT so
-- H2 compares the serialized event as a string, not a CLOB.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(1000000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
