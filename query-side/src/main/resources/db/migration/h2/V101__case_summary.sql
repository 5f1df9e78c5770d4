-- Projection "case-summaries": one line per case for listing and filtering, and the agencies party to it.
create table case_summary (
    case_id          varchar(64)  not null,
    account_id       varchar(64)  not null,
    status           varchar(20)  not null,
    reason_type      varchar(40)  not null,
    frozen           varchar(1000000)         not null,
    version          bigint       not null,
    flagged_at       timestamp(6) with time zone not null,
    last_changed_at  timestamp(6) with time zone not null,
    tracking         varchar(100000) not null,
    attention        varchar(1000) not null,
    constraint pk_case_summary primary key (case_id)
);
create index ix_case_summary_flagged_at on case_summary (flagged_at);
create index ix_case_summary_account on case_summary (account_id);
create index ix_case_summary_status on case_summary (status);

create table case_summary_agency (
    case_id  varchar(64) not null,
    agency   varchar(32) not null,
    constraint pk_case_summary_agency primary key (case_id, agency)
);
create index ix_case_summary_agency on case_summary_agency (agency);
