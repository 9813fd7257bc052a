-- Adds 200,000 synthetic tickets to the schema of bench/http/run.sh (run that first; it leaves one organization).
set search_path = supportdesk_bench;
insert into ticket (id, organization_id, requester_email, title, description, priority, service, category, channel, status,
  opened_at, created_at, updated_at, policy_version, sla_response_status, sla_resolution_status, sla_response_due_at,
  sla_resolution_due_at, sla_due_at, sla_next_check_at)
select gen_random_uuid(), (select id from organization limit 1), 'bulk@bench.example', 'Bulk ' || g, 'bulk', 
  (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g % 4], 'MANAGED_IT', 'TECHNICAL_ASSISTANCE', 'PORTAL',
  (array['NEW','IN_PROGRESS','WAITING_ON_CLIENT','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + g % 8],
  now() - (g || ' minutes')::interval, now(), now(), 1,
  (array['MET','MET','MET','MET','ON_TRACK','AT_RISK','BREACHED','PAUSED'])[1 + (g * 7) % 8],
  (array['MET','MET','MET','MET','ON_TRACK','AT_RISK','BREACHED','PAUSED'])[1 + (g * 3) % 8],
  now() + ((g % 5000) || ' minutes')::interval, now() + ((g % 9000) || ' minutes')::interval,
  case when g % 8 < 3 then now() + ((g % 5000) || ' minutes')::interval end,
  case when g % 8 < 3 then now() + ((g % 5000) || ' minutes')::interval end
from generate_series(1, 200000) g;
analyze ticket;
