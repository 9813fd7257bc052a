-- Reports at scale (issue 12), continued: at 1,000,000 tickets the ticket heap is over 2.5 GB (descriptions, phase
-- logs, search vectors), and the report's statements read only a few narrow columns of it. These indexes carry those
-- columns, so each statement is an index-only scan of the period (after vacuum, the heap is read only for pages
-- changed since):
-- 1. every ticket of the period: counts, backlog, stored decided figures (SlaReportService.aggregateDecided);
--    ~250 MB at a million tickets instead of the 2.5-3.3 GB heap;
create index ticket_report_opened_idx on ticket (opened_at) include (priority, service, category, organization_id,
    assignee_id, exclusion, status, out_of_scope, closed_at, resolved_at, reopen_count, satisfaction_rating,
    sla_figures_version, sla_evaluated_at, sla_response_on_time, sla_response_elapsed_us, sla_response_calendar_us,
    sla_response_status, sla_response_due_at, sla_resolution_on_time, sla_resolution_met_at, sla_resolution_elapsed_us,
    sla_resolution_calendar_us, sla_resolution_status, sla_resolution_due_at);
-- 2. the tickets with a target not decided yet (about a tenth): what the last evaluation saw (extendBreached); this
--    replaces V10_4's index on the same rows, which made the statement fetch ~150,000 scattered heap rows (2.3 s);
create index ticket_undecided_report_idx on ticket (opened_at) include (priority, service, category, organization_id,
    assignee_id, policy_version, response_override_seconds, resolution_override_seconds, exclusion, status,
    sla_figures_version, sla_evaluated_at, sla_running, sla_response_on_time, sla_response_status, sla_response_due_at,
    sla_response_elapsed_at_us, sla_resolution_on_time, sla_resolution_status, sla_resolution_due_at,
    sla_resolution_elapsed_at_us)
    where sla_response_on_time is null or sla_resolution_on_time is null;
drop index ticket_undecided_opened_idx;
-- 3. undecided tickets never evaluated (rare: evaluated live with their phase log, evaluateOpen, together with the
--    rows the figures backfill has not reached, ticket_figures_backfill_idx); without it that statement filtered the
--    same ~150,000 heap rows to find none (1.1 s).
create index ticket_unevaluated_opened_idx on ticket (opened_at)
    where sla_evaluated_at is null and (sla_response_on_time is null or sla_resolution_on_time is null);
