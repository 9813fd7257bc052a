-- Rate limits (issue 8): one row per budget and caller holding the GCRA "theoretical arrival time" in
-- microseconds since the epoch (database clock). Unlogged: a crash may forget budgets, which only forgives callers.
create unlogged table rate_limit_bucket (
    bucket_key varchar(600) primary key,
    tat_us     bigint       not null
);

-- Attachment bytes per organization per UTC day, counted in the upload's own transaction.
create table organization_upload_day (
    organization_id uuid   not null references organization (id) on delete cascade,
    day             date   not null,
    bytes           bigint not null,
    primary key (organization_id, day)
);

-- One escalation per level of a ticket: a repeat cannot create a second one (and e-mail supervisors again).
create unique index escalation_ticket_level_uq on escalation (ticket_id, level);
