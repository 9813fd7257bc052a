-- Reports at scale (issue 12): the decided SLA figures of each target, stored when the target is met, so reports
-- aggregate them in SQL and evaluate live only the tickets still open. Rows written before this migration carry
-- sla_figures_version 0 until the background backfill (ticket.app.SlaFiguresBackfill) has derived their figures;
-- until then the report evaluates them live, so its answers never depend on the backfill's progress.
alter table ticket
    add column sla_figures_version        smallint not null default 0,
    -- per target: null while not met; true = met on time (MET), false = met late (BREACHED)
    add column sla_response_on_time       boolean,
    add column sla_response_met_at        timestamptz,
    add column sla_response_elapsed_us    bigint,   -- clock time (business or 24/7) up to metAt, microseconds
    add column sla_response_calendar_us   bigint,   -- real time openedAt -> metAt, microseconds
    add column sla_resolution_on_time     boolean,
    add column sla_resolution_met_at      timestamptz,
    add column sla_resolution_elapsed_us  bigint,
    add column sla_resolution_calendar_us bigint,
    add column reopen_count               integer  not null default 0;

-- Reports scan the tickets opened in a period.
create index ticket_opened_at_idx on ticket (opened_at);
create index ticket_figures_backfill_idx on ticket (id) where sla_figures_version = 0;
