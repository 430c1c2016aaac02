-- What each flagged number did day by day in a scanned batch: the timeline of its number page.
create table antifraud_number_day (
    batch_id          bigint      not null references antifraud_batch (id),
    number            varchar(128) not null,
    call_day          date        not null,
    outgoing          int         not null,
    incoming          int         not null,
    forwarded         int         not null,
    distinct_callees  int         not null,
    connected         int         not null,
    short_calls       int         not null,
    night_calls       int         not null,
    connected_seconds bigint      not null,
    primary key (batch_id, number, call_day)
);
create index antifraud_number_day_by_number on antifraud_number_day (number, call_day);

-- Handsets (IMEIs) a flagged number shared with other subscribers in a scanned batch: SIM boxes and
-- card farms show up as groups of numbers on one device.
create table antifraud_shared_device (
    batch_id     bigint      not null references antifraud_batch (id),
    number       varchar(128) not null,
    imei         varchar(128) not null,
    other_number varchar(128) not null,
    primary key (batch_id, number, imei, other_number)
);
create index antifraud_shared_device_by_number on antifraud_shared_device (number);

-- Anonymised subscriber tokens in operators' files run longer than 11-digit numbers.
alter table antifraud_case alter column number set data type varchar(128);
alter table antifraud_blocklist_change alter column number set data type varchar(128);
alter table antifraud_scan_result alter column number set data type varchar(128);
alter table antifraud_warning alter column number set data type varchar(128);
alter table antifraud_warning alter column fraud_number set data type varchar(128);
