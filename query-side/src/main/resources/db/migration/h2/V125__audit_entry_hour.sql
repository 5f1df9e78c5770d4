-- Projection "audit-trail": how many entries each hour of event time holds, kept as rows are appended,
-- so the trail's total over a range is the sum of its whole hours and the entries of the partial hours
-- at its ends, not a count of every entry.
create table audit_entry_hour (
    starts_at timestamp(6) with time zone not null,
    entries   bigint                      not null,
    constraint pk_audit_entry_hour primary key (starts_at)
);

insert into audit_entry_hour (starts_at, entries)
    select date_trunc('HOUR', occurred_at), count(*) from audit_entry group by date_trunc('HOUR', occurred_at);
