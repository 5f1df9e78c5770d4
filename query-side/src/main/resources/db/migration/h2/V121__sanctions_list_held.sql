-- Projection "sanctions-lists": the file each list holds for a second person's confirmation.

create table sanctions_list_held (
    list_id varchar(64)        not null,
    held    varchar(100000000) not null,
    constraint pk_sanctions_list_held primary key (list_id)
);
