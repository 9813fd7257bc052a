-- Inbound e-mail: one row per message id, so a redelivered message changes nothing the second time.
create table intake_message (
    message_id  varchar(998) primary key,
    sender      varchar(320) not null,
    received_at timestamptz  not null,
    outcome     varchar(24)  not null,
    ticket_id   uuid         references ticket (id) on delete set null,
    created_at  timestamptz  not null
);
