-- Reports at scale (issue 12): a rollup per day of what settled tickets add to the SLA report, so the 366-day report
-- over a million tickets sums a few thousand rollup rows instead of aggregating a million ticket rows
-- (docs/decisions.md, "Report rollup"). A ticket is rolled when nothing about it is expected to change: closed or
-- cancelled more than 8 days ago (after the 7-day rating window), decided figures stored, both targets decided or the
-- ticket not eligible. report_rolled marks the tickets the rollup holds; the report reads the others from ticket.

alter table ticket add column report_rolled boolean not null default false;

-- The zone whose days the rollup is keyed by (the policy's at roll time); a zone change rebuilds it.
create table report_rollup_state (
    id    int  primary key check (id = 1),
    zone  text not null
);

-- One row per groupBy dimension, group key and day (in report_rollup_state.zone) of the tickets opened that day.
-- hist: the decided figures' log histograms (ReportRollup.Histogram), summed in Java.
create table report_rollup (
    dim         varchar(16) not null,
    group_key   text        not null,
    day         date        not null,
    tickets     bigint      not null,
    excluded    bigint      not null,
    cancelled   bigint      not null,
    billable    bigint      not null,
    reopened    bigint      not null,
    good        bigint      not null,
    bad         bigint      not null,
    r_met       bigint      not null,
    r_breached  bigint      not null,
    r_el_sum    bigint      not null,
    s_met       bigint      not null,
    s_breached  bigint      not null,
    s_el_sum    bigint      not null,
    hist        bytea       not null,
    primary key (dim, day, group_key)
);

-- A rolled ticket that changes (or goes) leaves the rollup in the same transaction: its old state is queued here
-- (the report subtracts it until the rollup job has), and the row is marked unrolled, so the report reads it live.
-- The columns are ticket's own names: one reader (ReportRollup.Contribution) serves both tables.
create table report_unrolled (
    seq                         bigserial   primary key,
    ticket_id                   uuid        not null,
    opened_at                   timestamptz not null,
    priority                    varchar(16) not null,
    service                     varchar(32),
    category                    varchar(32),
    organization_id             uuid        not null,
    assignee_id                 varchar(255),
    exclusion                   varchar(32),
    status                      varchar(32) not null,
    out_of_scope                boolean     not null,
    reopen_count                int         not null,
    satisfaction_rating         varchar(4),
    sla_figures_version         smallint    not null,
    sla_response_on_time        boolean,
    sla_response_elapsed_us     bigint,
    sla_response_calendar_us    bigint,
    sla_resolution_on_time      boolean,
    sla_resolution_elapsed_us   bigint,
    sla_resolution_calendar_us  bigint
);
create index report_unrolled_opened_idx on report_unrolled (opened_at);

create function ticket_report_unroll() returns trigger language plpgsql as $$
begin
    -- the rollup job's own reset (rolled -> false) needs no queueing: it empties the rollup itself
    if tg_op = 'DELETE' or new.report_rolled then
        insert into report_unrolled (ticket_id, opened_at, priority, service, category, organization_id, assignee_id,
            exclusion, status, out_of_scope, reopen_count, satisfaction_rating, sla_figures_version,
            sla_response_on_time, sla_response_elapsed_us, sla_response_calendar_us, sla_resolution_on_time,
            sla_resolution_elapsed_us, sla_resolution_calendar_us)
        values (old.id, old.opened_at, old.priority, old.service, old.category, old.organization_id, old.assignee_id,
            old.exclusion, old.status, old.out_of_scope, old.reopen_count, old.satisfaction_rating,
            old.sla_figures_version, old.sla_response_on_time, old.sla_response_elapsed_us,
            old.sla_response_calendar_us, old.sla_resolution_on_time, old.sla_resolution_elapsed_us,
            old.sla_resolution_calendar_us);
        if tg_op = 'DELETE' then
            return old;
        end if;
        new.report_rolled := false;
    end if;
    return new;
end $$;

create trigger ticket_report_unroll before update or delete on ticket
    for each row when (old.report_rolled) execute function ticket_report_unroll();

-- The report's statement over the tickets it reads live (not rolled), index-only like ticket_report_opened_idx.
create index ticket_report_unrolled_idx on ticket (opened_at) include (priority, service, category, organization_id,
    assignee_id, exclusion, status, out_of_scope, closed_at, resolved_at, reopen_count, satisfaction_rating,
    sla_figures_version, sla_evaluated_at, sla_response_on_time, sla_response_elapsed_us, sla_response_calendar_us,
    sla_response_status, sla_response_due_at, sla_resolution_on_time, sla_resolution_met_at, sla_resolution_elapsed_us,
    sla_resolution_calendar_us, sla_resolution_status, sla_resolution_due_at)
    where not report_rolled;

-- Rolled tickets still in the backlog at a report's end (a report ending before their resolution): the moment they
-- leave the backlog, so a report ending now finds none at once.
create index ticket_rolled_backlog_idx on ticket (
    least(case when status = 'CANCELLED' then closed_at end, coalesce(sla_resolution_met_at, resolved_at)), opened_at)
    include (priority, service, category, organization_id, assignee_id)
    where report_rolled;

-- What the rollup job looks for: settled tickets not rolled yet.
create index ticket_rollable_idx on ticket (closed_at) where not report_rolled and status in ('CLOSED', 'CANCELLED');
