-- Projection "case-summaries": how many cases are in each status, kept as the summaries change, so
-- the case list's total (unfiltered or by status) is read, not counted case by case. A row for every
-- status from the start: segments then only ever update rows, and never race to insert one.
create table case_summary_count (
    status  varchar(20) not null,
    cases   bigint      not null,
    constraint pk_case_summary_count primary key (status)
);

insert into case_summary_count (status, cases) values
    ('FLAGGED', 0), ('WARRANT_RECEIVED', 0), ('FROZEN', 0), ('RELEASED', 0), ('TURNED_OVER', 0), ('DISMISSED', 0);
update case_summary_count set cases = (select count(*) from case_summary s where s.status = case_summary_count.status);
