-- Sanctions screening (command side, capability "screening"): the addresses and names screening
-- compares against (from the sanctions-list events), the exchange's known addresses, and the runs.

create table screening_designation (
    list_id     varchar(64)  not null,
    address_key varchar(200) not null,
    entry_uid   varchar(64)  not null,
    currency    varchar(12)  not null,
    address     varchar(200) not null,
    primary key (list_id, address_key, entry_uid)
);
create index screening_designation_by_entry on screening_designation (list_id, entry_uid);

create table screening_entry (
    list_id      varchar(64)   not null,
    entry_uid    varchar(64)   not null,
    name         varchar(500)  not null,
    programs     varchar(2000) not null,
    primary key (list_id, entry_uid)
);

create table screening_entry_name (
    list_id   varchar(64)  not null,
    entry_uid varchar(64)  not null,
    name      varchar(500) not null,
    name_key  varchar(500) not null
);
create index screening_entry_name_by_entry on screening_entry_name (list_id, entry_uid);

create table screening_list (
    list_id          varchar(64) primary key,
    list_version     bigint      not null,
    publication_date date        not null,
    digest           varchar(64) not null,
    file_name        varchar(255)
);

create table screened_account (
    account_id    varchar(64)  primary key,
    holder_name   varchar(300) not null,
    name_key      varchar(300) not null,
    registered_at timestamp with time zone    not null,
    registered_by varchar(128) not null
);

create table known_address (
    account_id    varchar(64)  not null,
    address_key   varchar(200) not null,
    currency      varchar(12)  not null,
    address       varchar(200) not null,
    kind          varchar(20),
    registered_at timestamp with time zone    not null,
    registered_by varchar(128) not null,
    primary key (account_id, address_key)
);
create index known_address_by_key on known_address (address_key);

create table screening_run (
    run_id             varchar(64)   primary key,
    trigger_kind       varchar(30)   not null,
    list_id            varchar(64),
    list_version       bigint,
    account_id         varchar(64),
    status             varchar(20)   not null,
    queued_at          timestamp with time zone     not null,
    started_at         timestamp with time zone,
    finished_at        timestamp with time zone,
    claimed_until      timestamp with time zone,
    addresses_screened bigint,
    address_matches    integer,
    flags_raised       integer,
    already_flagged    integer,
    name_matches       integer,
    address_millis     bigint,
    flag_millis        bigint,
    name_millis        bigint,
    failure            varchar(2000)
);
create index screening_run_by_status on screening_run (status);

create table screening_flag (
    list_id    varchar(64)  not null,
    entry_uid  varchar(64)  not null,
    account_id varchar(64)  not null,
    case_id    varchar(64)  not null,
    run_id     varchar(64)  not null,
    outcome    varchar(20)  not null,
    flagged_at timestamp with time zone    not null,
    primary key (list_id, entry_uid, account_id)
);

create table screening_name_match (
    account_id   varchar(64)  not null,
    list_id      varchar(64)  not null,
    entry_uid    varchar(64)  not null,
    holder_name  varchar(300) not null,
    listed_name  varchar(500) not null,
    score        decimal(5, 4) not null,
    run_id       varchar(64)  not null,
    found_at     timestamp with time zone    not null,
    primary key (account_id, list_id, entry_uid)
);
