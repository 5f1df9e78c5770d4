-- Projection "warrant-registry": every warrant with its case, and the agencies party to each case.
create table registered_warrant (
    case_id            varchar(64)  not null,
    warrant_id         varchar(64)  not null,
    order_type         varchar(40)  not null,
    issuing_authority  varchar(300) not null,
    requesting_agency  varchar(32)  not null,
    jurisdiction       varchar(10)  not null,
    reference_number   varchar(100) not null,
    issued_at          timestamp(6) with time zone not null,
    expires_at         timestamp(6) with time zone not null,
    constraint pk_registered_warrant primary key (case_id, warrant_id)
);
create index ix_registered_warrant_expiry on registered_warrant (expires_at);
create index ix_registered_warrant_agency on registered_warrant (requesting_agency);

create table warrant_case_party (
    case_id  varchar(64) not null,
    agency   varchar(32) not null,
    constraint pk_warrant_case_party primary key (case_id, agency)
);
create index ix_warrant_case_party_agency on warrant_case_party (agency);
