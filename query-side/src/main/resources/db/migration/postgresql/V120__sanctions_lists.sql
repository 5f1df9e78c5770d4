-- Projection "sanctions-lists": every version of every sanctions list, and the entries of each
-- list's current version with their addresses, for GET /api/sanctions/...

create table sanctions_list_version (
    list_id           varchar(64)   not null,
    version           bigint        not null,
    summary           text not null,
    difference        text not null,
    constraint pk_sanctions_list_version primary key (list_id, version)
);

create table sanctions_entry (
    list_id      varchar(64)  not null,
    entry_uid    varchar(64)  not null,
    document     text not null,
    constraint pk_sanctions_entry primary key (list_id, entry_uid)
);

create table sanctions_entry_address (
    list_id     varchar(64)  not null,
    entry_uid   varchar(64)  not null,
    address_key varchar(200) not null,
    constraint pk_sanctions_entry_address primary key (list_id, entry_uid, address_key)
);
create index sanctions_entry_address_by_key on sanctions_entry_address (address_key);
