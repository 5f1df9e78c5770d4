-- Projection "account-holdings": per case, its account and what is frozen on it.
-- agencies: the agencies party to the case, as ",FBI,HSI," for a liaison's reads.
create table account_holding (
    case_id     varchar(64)   not null,
    account_id  varchar(64)   not null,
    frozen      text          not null,
    agencies    varchar(4000) not null,
    version     bigint        not null,
    constraint pk_account_holding primary key (case_id)
);
create index ix_account_holding_account on account_holding (account_id);
