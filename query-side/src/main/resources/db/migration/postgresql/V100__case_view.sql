-- Projection "case-views": one JSON document per case, what GET /api/cases/{id} answers.
create table case_view (
    case_id          varchar(64)  not null,
    version          bigint       not null,
    document         text         not null,
    tracking         text  not null,
    last_changed_at  timestamp(6) with time zone not null,
    constraint pk_case_view primary key (case_id)
);
