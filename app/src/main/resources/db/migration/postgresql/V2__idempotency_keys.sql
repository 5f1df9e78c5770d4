-- The first answer to each write that carried an Idempotency-Key, per caller, until it expires.
-- A row without a response_status is a request still in progress.
create table idempotency_key (
    owner                  varchar(128)  not null,
    idempotency_key        varchar(200)  not null,
    request_hash           char(64)      not null,
    response_status        integer,
    response_body          bytea,
    response_content_type  varchar(200),
    response_etag          varchar(100),
    response_location      varchar(500),
    created_at             timestamp(6) with time zone not null,
    expires_at             timestamp(6) with time zone not null,
    constraint pk_idempotency_key primary key (owner, idempotency_key)
);
create index ix_idempotency_key_expiry on idempotency_key (expires_at);
