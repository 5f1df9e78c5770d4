-- Projection "case-summaries": what each case needs attention for, one row per need, so the case
-- list's attention filter reads the cases that need it instead of every summary.
create table case_summary_attention (
    need     varchar(40) not null,
    case_id  varchar(64) not null,
    constraint pk_case_summary_attention primary key (need, case_id)
);
create index ix_case_summary_attention_case on case_summary_attention (case_id);

insert into case_summary_attention (need, case_id)
    select 'WARRANT_EXPIRED', case_id from case_summary where attention like '%"WARRANT_EXPIRED"%';
insert into case_summary_attention (need, case_id)
    select 'BLOCKING_REPORT_OVERDUE', case_id from case_summary where attention like '%"BLOCKING_REPORT_OVERDUE"%';
insert into case_summary_attention (need, case_id)
    select 'FREEZE_AWAITING_APPROVAL', case_id from case_summary where attention like '%"FREEZE_AWAITING_APPROVAL"%';
