-- Outbound notifications (issue 11): one outbox for e-mail notices and webhook deliveries, written in the
-- transaction of the change that causes them and delivered by NotificationWorker (FOR UPDATE SKIP LOCKED).

create table webhook (
    id                   uuid          primary key,
    url                  varchar(2000) not null,
    events               varchar(1000) not null,          -- comma-separated event types
    organization_id      uuid          references organization (id),
    enabled              boolean       not null default true,
    secret               varchar(200)  not null,          -- whsec_<base64>
    consecutive_failures int           not null default 0,
    created_by           varchar(200),
    created_at           timestamptz   not null,
    disabled_at          timestamptz
);

create table notification (
    seq             bigserial     primary key,           -- delivery and listing order
    id              uuid          not null unique,
    channel         varchar(16)   not null,              -- EMAIL | WEBHOOK
    kind            varchar(40)   not null,              -- notice kind (e-mail) or event type (webhook)
    recipient       varchar(2000) not null,              -- e-mail address or webhook URL
    subject         varchar(1000),
    ticket_id       uuid,
    webhook_id      uuid          references webhook (id) on delete set null,
    ref             varchar(200),                        -- what the notice is about (comment id, escalation level, ...)
    params          text,                                -- JSON captured when the change happened
    payload         text,                                -- the webhook body, fixed at the first attempt
    message_id      varchar(300),
    in_reply_to     varchar(300),
    refs            text,                                -- References: space-separated message ids
    status          varchar(16)   not null,              -- PENDING | SENT | FAILED
    attempts        int           not null default 0,
    last_error      varchar(2000),
    next_attempt_at timestamptz   not null,
    created_at      timestamptz   not null,
    sent_at         timestamptz
);

create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_ticket on notification (ticket_id, recipient, seq);
create index notification_webhook on notification (webhook_id, seq);
create index notification_message on notification (message_id);

create table notification_preference (
    email      varchar(320) primary key,
    opted_out  varchar(1000) not null default '',         -- comma-separated notice kinds
    updated_at timestamptz  not null
);
