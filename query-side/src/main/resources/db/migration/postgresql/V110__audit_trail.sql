-- Projection "audit-trail": one append-only row per case event, hash-chained per case.
-- occurred_at_iso is the event's time exactly as hashed; occurred_at serves range queries.
create table audit_entry (
    case_id          varchar(64)  not null,
    sequence         bigint       not null,
    global_index     bigint       not null,
    event_id         varchar(255) not null,
    event_type       varchar(255) not null,
    payload_type     varchar(255) not null,
    payload_revision varchar(255),
    occurred_at      timestamp(6) with time zone not null,
    occurred_at_iso  varchar(40)  not null,
    actor            varchar(128),
    role             varchar(20),
    agency           varchar(32),
    correlation_id   varchar(128),
    payload          text         not null,
    metadata         text,
    previous_hash    char(64)     not null,
    hash             char(64)     not null,
    constraint pk_audit_entry primary key (case_id, sequence),
    constraint uk_audit_entry_global_index unique (global_index)
);
create index ix_audit_entry_occurred_at on audit_entry (occurred_at);


create table audit_case_party (
    case_id  varchar(64) not null,
    agency   varchar(32) not null,
    constraint pk_audit_case_party primary key (case_id, agency)
);

-- append-only: updates and deletes are refused (a replay empties the table by truncation only)
create function holdfast_audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: its rows cannot be updated or deleted', tg_table_name
        using errcode = 'HF001';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function holdfast_audit_refuse_change();
