-- Projection "obligations": blocking-report obligations and the agencies party to their cases.
create table blocking_obligation (
    case_id           varchar(64)  not null,
    obligation_id     varchar(64)  not null,
    warrant_id        varchar(64)  not null,
    frozen_at         timestamp(6) with time zone not null,
    due_at            timestamp(6) with time zone not null,
    status            varchar(10)  not null,
    report_reference  varchar(200),
    filed_at          timestamp(6) with time zone,
    constraint pk_blocking_obligation primary key (case_id, obligation_id)
);
create index ix_blocking_obligation_due on blocking_obligation (due_at);

create table obligation_case_party (
    case_id  varchar(64) not null,
    agency   varchar(32) not null,
    constraint pk_obligation_case_party primary key (case_id, agency)
);
