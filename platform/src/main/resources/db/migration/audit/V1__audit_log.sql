-- Append-only log of every state change. Each row's hash covers its content and the previous
-- row's hash, so altering or deleting a row breaks the chain from that row on.
create table audit_log (
    seq          bigint        not null primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(100)  not null,
    module       varchar(40)   not null,
    entity_type  varchar(60)   not null,
    entity_id    varchar(100)  not null,
    action       varchar(40)   not null,
    before_state varchar(1000000),
    after_state  varchar(1000000),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);
create index audit_log_by_entity on audit_log (module, entity_type, entity_id);
create index audit_log_by_time on audit_log (occurred_at);

-- The chain's head, locked while a row is appended so appends are serial across nodes.
create table audit_chain_head (
    id        int          not null primary key,
    last_seq  bigint       not null,
    last_hash varchar(64)  not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
