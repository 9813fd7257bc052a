-- EXPLAIN ANALYZE of the SLA list filters, DUE sort and monitor statements (after bulk-tickets.sql).
set search_path = supportdesk_bench;
\timing on
explain (analyze, costs off, summary on) select t.* from ticket t join organization o on o.id=t.organization_id left join app_user a on a.id=t.assignee_id
 where (t.sla_response_status='BREACHED' or t.sla_resolution_status='BREACHED') order by t.number desc limit 21;
explain (analyze, costs off, summary on) select t.* from ticket t join organization o on o.id=t.organization_id left join app_user a on a.id=t.assignee_id
 order by t.sla_due_at asc nulls last, t.number asc limit 21;
explain (analyze, costs off, summary on) select t.* from ticket t join organization o on o.id=t.organization_id
 where (t.sla_response_status='AT_RISK' or t.sla_resolution_status='AT_RISK') order by t.sla_due_at asc nulls last, t.number asc limit 21;
explain (analyze, costs off, summary on) select id from ticket where sla_next_check_at <= now() + interval '1 hour' order by sla_next_check_at limit 200;
