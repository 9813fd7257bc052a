-- SLA: immutable, numbered policy versions; holidays; per-ticket derived SLA columns; alerts; time entries.

create table sla_policy (
    version         integer primary key,
    effective_from  timestamptz   not null,
    published_at    timestamptz   not null,
    published_by    varchar(255),
    time_zone       varchar(64)   not null,
    at_risk_share   numeric(4, 3) not null check (at_risk_share > 0 and at_risk_share <= 1),
    -- e.g. MONDAY=09:00-17:00;TUESDAY=09:00-17:00 (local wall-clock intervals)
    business_hours  text          not null,
    note            text
);

create table sla_policy_target (
    version            integer     not null references sla_policy (version),
    priority           varchar(16) not null,
    clock              varchar(24) not null,
    response_seconds   bigint      not null check (response_seconds > 0),
    resolution_seconds bigint      not null check (resolution_seconds > 0),
    primary key (version, priority)
);

-- Version 1: the published support policy (Last Updated: August 8th, 2024).
insert into sla_policy (version, effective_from, published_at, published_by, time_zone, at_risk_share, business_hours, note)
values (1, timestamptz '2024-08-08 00:00:00-06', timestamptz '2024-08-08 00:00:00-06', 'support-policy.txt',
        'America/Denver', 0.75,
        'MONDAY=09:00-17:00;TUESDAY=09:00-17:00;WEDNESDAY=09:00-17:00;THURSDAY=09:00-17:00;FRIDAY=09:00-17:00',
        'Seeded from the published support policy.');
insert into sla_policy_target (version, priority, clock, response_seconds, resolution_seconds) values
    (1, 'CRITICAL', 'TWENTY_FOUR_SEVEN', 3600, 14400),
    (1, 'HIGH', 'BUSINESS_HOURS', 7200, 43200),
    (1, 'MEDIUM', 'BUSINESS_HOURS', 28800, 172800),
    (1, 'LOW', 'BUSINESS_HOURS', 86400, 259200);

create table holiday (
    date date primary key,
    name varchar(200) not null
);

alter table ticket
    add column policy_version              integer references sla_policy (version),
    add column response_override_seconds   bigint check (response_override_seconds > 0),
    add column resolution_override_seconds bigint check (resolution_override_seconds > 0),
    add column override_reason             text,
    -- Compact copy of the status history (epoch millis:PHASE,...) so lists evaluate clocks without
    -- reading events; it is written in the same transaction as each STATUS_CHANGED event.
    add column phase_log                   text not null default '',
    add column sla_response_status         varchar(16),
    add column sla_resolution_status       varchar(16),
    add column sla_response_due_at         timestamptz,
    add column sla_resolution_due_at       timestamptz,
    add column sla_due_at                  timestamptz,
    add column sla_next_check_at           timestamptz,
    -- Figures frozen when the ticket was closed or cancelled (JSON), so later holiday or policy edits
    -- never rewrite them.
    add column sla_final                   text;

update ticket set policy_version = 1 where policy_version is null;
alter table ticket alter column policy_version set not null;

create index ticket_sla_next_check_idx on ticket (sla_next_check_at) where sla_next_check_at is not null;
create index ticket_sla_due_idx on ticket (sla_due_at, number);
create index ticket_sla_response_status_idx on ticket (sla_response_status, number desc);
create index ticket_sla_resolution_status_idx on ticket (sla_resolution_status, number desc);

-- One row per alert moment: the unique key makes AT_RISK/BREACHED events exactly-once across replicas.
create table sla_alert (
    ticket_id      uuid        not null references ticket (id) on delete cascade,
    target         varchar(16) not null,
    kind           varchar(16) not null,
    target_seconds bigint      not null,
    fired_at       timestamptz not null,
    primary key (ticket_id, target, kind, target_seconds)
);

create table time_entry (
    id                  uuid primary key,
    ticket_id           uuid         not null references ticket (id) on delete cascade,
    author_id           varchar(255) not null,
    author_name         varchar(200),
    started_at          timestamptz  not null,
    ended_at            timestamptz  not null,
    note                text,
    minutes             integer      not null,
    after_hours_minutes integer      not null,
    created_at          timestamptz  not null,
    check (ended_at > started_at)
);
create index time_entry_ticket_idx on time_entry (ticket_id, started_at);
