-- Realistic synthetic tickets, in bulk (generate_series), into the current schema (set search_path first).
-- Parameters: a temporary table made by the caller (bench/data/generate.sh, or the CI test SlaReportEquivalenceTest):
--   create temp table bench_params (n int, now_at timestamptz, span interval, seed float8, orgs uuid[], assignees text[]);
-- Each ticket gets a scenario: new, in progress, waiting, closed after a pause, resolved, reopened (closed again, still
-- open, waiting), cancelled, resolved without a response; 4% excluded, 5% with a supervisor's override; the policy
-- version in force at its opening; its phase log, first response, resolution and closing moments; a CREATED event
-- and one STATUS_CHANGED event per change; 1-3 comments (public answers, client comments, internal notes).
-- Internal notes carry the word 'secretnote' (never searchable). SLA columns are a rough approximation (statuses, due moments); decided figures are left to the application's
-- backfill (ticket.app.SlaFiguresBackfill, sla_figures_version = 0), so they come from the SLA engine.
select setseed((select seed from bench_params));

create or replace function pg_temp.iso(timestamptz) returns text language sql immutable as
$$ select to_char($1 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

create temp table bench_gen as
select g.i, gen_random_uuid() as id, x.opened, x.sc, x.r6, x.r7, x.r8, x.rp, x.rs, x.rc, x.ro, x.ra, x.rw,
       x.opened + x.gap * x.f1 as t1, x.opened + x.gap * x.f2 as t2, x.opened + x.gap * x.f3 as t3,
       x.opened + x.gap * x.f4 as t4, x.opened + x.gap * x.f5 as t5
from bench_params p, generate_series(1, p.n) g(i)
cross join lateral (
    select o.opened, p.now_at - o.opened as gap, random() as sc, random() as r6, random() as r7, random() as r8,
           random() as rp, random() as rs, random() as rc, random() as ro, random() as ra, random() as rw,
           f.f1, f.f1 + f.d2 as f2, f.f1 + f.d2 + f.d3 as f3, f.f1 + f.d2 + f.d3 + f.d4 as f4,
           f.f1 + f.d2 + f.d3 + f.d4 + f.d5 as f5
    from (select p.now_at - interval '5 minutes' - (p.span - interval '5 minutes') * power(random(), 1.2) + g.i * interval '0 s'
            as opened) o,
         (select 0.002 + 0.05 * random() + g.i * 0 as f1, 0.15 * random() as d2, 0.1 * random() as d3,
                 0.2 * random() as d4, 0.3 * random() as d5) f
) x;

create temp table bench_ticket as
select b.*,
       -- about 10% still open (A, B, C, G, J), as in the issue's million with 100,000 open
       case when b.sc < 0.02 then 'A' when b.sc < 0.05 then 'B' when b.sc < 0.07 then 'C' when b.sc < 0.73 then 'D'
            when b.sc < 0.78 then 'E' when b.sc < 0.88 then 'F' when b.sc < 0.90 then 'G' when b.sc < 0.95 then 'H'
            when b.sc < 0.99 then 'I' else 'J' end as scenario,
       case when b.rp < 0.10 then 'CRITICAL' when b.rp < 0.35 then 'HIGH' when b.rp < 0.80 then 'MEDIUM' else 'LOW' end
           as priority
from bench_gen b;

insert into ticket (id, organization_id, requester_email, requester_name, assignee_id, title, description, error_message,
    priority, service, category, channel, status, opened_at, created_at, updated_at, first_response_at, resolved_at,
    closed_at, out_of_scope, exclusion, exclusion_note, policy_version, response_override_seconds,
    resolution_override_seconds, override_reason, phase_log, sla_response_status, sla_resolution_status,
    sla_response_due_at, sla_resolution_due_at, sla_due_at, sla_next_check_at)
select b.id,
       p.orgs[1 + floor(power(b.ro, 2) * cardinality(p.orgs))::int],
       'user' || (b.i % 5000) || '@client' || (b.i % 97) || '.example', 'User ' || (b.i % 5000),
       case when cardinality(p.assignees) > 0 and b.ra < 0.85 and b.scenario <> 'A'
            then p.assignees[1 + floor(b.ra / 0.85 * cardinality(p.assignees))::int] end,
       (array['Printer', 'VPN', 'Outlook', 'Laptop', 'Door badge', 'Camera', 'Phone', 'Wi-Fi', 'Server', 'Backup',
              'Firewall', 'Scanner', 'Teams', 'Password', 'License'])[1 + (b.i * 7) % 15]
           || ' ' || (array['offline', 'not working', 'slow', 'keeps crashing', 'cannot connect', 'access denied',
              'error on start', 'needs setup', 'replacement', 'update failed'])[1 + (b.i * 13) % 10]
           || ' #' || b.i,
       'Since this morning the ' || (array['reception', 'warehouse', 'second floor', 'lab', 'front desk', 'office'])[1 + b.i % 6]
           || ' ' || (array['printer', 'vpn client', 'mailbox', 'laptop', 'badge reader', 'camera', 'desk phone',
              'access point'])[1 + (b.i * 3) % 8]
           || ' ' || (array['shows an error', 'does not respond', 'drops the connection', 'asks for a password again',
              'is very slow', 'reboots by itself'])[1 + (b.i * 5) % 6] || '. Ticket body ' || md5(b.i::text),
       case when b.i % 3 = 0 then 'ERR_' || (array['TIMEOUT', 'AUTH_FAILED', 'DISK_FULL', 'NO_ROUTE', 'PAPER_JAM'])[1 + b.i % 5]
           || ' code ' || (b.i % 1000) end,
       b.priority,
       (array['MANAGED_IT', 'MANAGED_IT', 'PHONE_SYSTEMS', 'ACCESS_CONTROL', 'SURVEILLANCE'])[1 + floor(b.rs * 5)::int],
       (array['TECHNICAL_ASSISTANCE', 'SYSTEM_MAINTENANCE', 'USER_ASSISTANCE'])[1 + floor(b.rc * 3)::int],
       (array['PORTAL', 'PORTAL', 'MOBILE', 'EMAIL'])[1 + b.i % 4],
       case b.scenario when 'A' then 'NEW' when 'B' then 'IN_PROGRESS' when 'C' then 'WAITING_ON_CLIENT'
           when 'D' then 'CLOSED' when 'E' then 'RESOLVED' when 'F' then 'CLOSED' when 'G' then 'IN_PROGRESS'
           when 'H' then 'CANCELLED' when 'I' then 'CLOSED' else 'WAITING_ON_CLIENT' end,
       b.opened, b.opened, greatest(b.opened, b.t5), 
       case when b.scenario in ('A', 'H', 'I') then null else b.t1 end,
       case b.scenario when 'D' then b.t4 when 'E' then b.t2 when 'F' then b.t4 when 'I' then b.t1 end,
       case b.scenario when 'D' then b.t5 when 'F' then b.t5 when 'H' then b.t1 when 'I' then b.t2 end,
       b.rs > 0.97, 
       case when b.r6 < 0.04 then (array['THIRD_PARTY', 'CLIENT_NEGLIGENCE'])[1 + b.i % 2] end,
       case when b.r6 < 0.04 then 'Vendor issue' end,
       (select max(v.version) from sla_policy v where v.effective_from <= b.opened),
       case when b.r7 < 0.05 then 3600 * (1 + floor(b.r8 * 8)::int) end,
       case when b.r7 < 0.05 then 4 * 3600 * (1 + floor(b.r8 * 8)::int) end,
       case when b.r7 < 0.05 then 'times may vary based on the complexity of the issue' end,
       (case b.scenario
           when 'A' then '[]'::jsonb
           when 'B' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'))
           when 'C' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'WAITING'))
           when 'D' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'WAITING'),
                                           jsonb_build_object('at', pg_temp.iso(b.t3), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t4), 'phase', 'RESOLVED'),
                                           jsonb_build_object('at', pg_temp.iso(b.t5), 'phase', 'CLOSED'))
           when 'E' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'RESOLVED'))
           when 'F' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'RESOLVED'),
                                           jsonb_build_object('at', pg_temp.iso(b.t3), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t4), 'phase', 'RESOLVED'),
                                           jsonb_build_object('at', pg_temp.iso(b.t5), 'phase', 'CLOSED'))
           when 'G' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'),
                                           jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'RESOLVED'),
                                           jsonb_build_object('at', pg_temp.iso(b.t3), 'phase', 'OPEN'))
           when 'H' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'CANCELLED'))
           when 'I' then jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'RESOLVED'),
                                           jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'CLOSED'))
           else jsonb_build_array(jsonb_build_object('at', pg_temp.iso(b.t1), 'phase', 'OPEN'),
                                  jsonb_build_object('at', pg_temp.iso(b.t2), 'phase', 'RESOLVED'),
                                  jsonb_build_object('at', pg_temp.iso(b.t3), 'phase', 'OPEN'),
                                  jsonb_build_object('at', pg_temp.iso(b.t4), 'phase', 'WAITING'))
       end),
       -- approximate derived columns (the application re-derives them on the next change / monitor pass)
       case when b.r6 < 0.04 or b.scenario = 'H' then 'NOT_APPLICABLE' when b.scenario in ('A') then
           case when b.rw < 0.5 then 'BREACHED' else 'ON_TRACK' end else 'MET' end,
       case when b.r6 < 0.04 or b.scenario = 'H' then 'NOT_APPLICABLE' when b.scenario in ('D', 'E', 'F', 'I') then 'MET'
           when b.scenario in ('C', 'J') then 'PAUSED' when b.rw < 0.2 then 'AT_RISK' when b.rw < 0.6 then 'BREACHED'
           else 'ON_TRACK' end,
       case when b.scenario = 'A' then p.now_at + (b.rw - 0.5) * interval '2 days' end,
       case when b.scenario in ('A', 'B', 'G') then p.now_at + (b.rw - 0.6) * interval '5 days' end,
       case when b.scenario in ('A', 'B', 'G') and b.r6 >= 0.04 then p.now_at + (b.rw - 0.6) * interval '5 days' end,
       case when b.scenario in ('A', 'B', 'G') and b.r6 >= 0.04 and b.rw >= 0.6
           then p.now_at + (b.rw - 0.6) * interval '5 days' end
from bench_ticket b, bench_params p;

insert into ticket_event (ticket_id, occurred_at, actor_name, type, detail)
select b.id, b.opened, 'Bench', 'CREATED', 'generated' from bench_ticket b;

insert into ticket_event (ticket_id, occurred_at, actor_name, type, field, before, after)
select s.id, s.at, 'Bench', 'STATUS_CHANGED', 'status',
       coalesce(lag(s.status) over (partition by s.id order by s.n), 'NEW'), s.status
from (select t.id, e.n, (e.value ->> 'at')::timestamptz as at,
             case e.value ->> 'phase' when 'OPEN' then 'IN_PROGRESS' when 'WAITING' then 'WAITING_ON_CLIENT'
                  else e.value ->> 'phase' end as status
      from ticket t join bench_ticket b on b.id = t.id, jsonb_array_elements(t.phase_log) with ordinality e(value, n)) s;

-- Comments in bulk: the per-row search trigger is off for the insert, the tickets' comment vectors are set in one update.
alter table ticket_comment disable trigger ticket_comment_search;
insert into ticket_comment (id, ticket_id, author_id, author_name, author_staff, body, internal, created_at)
select gen_random_uuid(), b.id, case when c.k = 2 then 'user@client.example' else 'tech@eclipsesol.org' end,
       case when c.k = 2 then 'Client' else 'Technician' end, c.k <> 2,
       case c.k when 1 then 'We are looking into the ' || (array['printer', 'vpn', 'mailbox', 'badge'])[1 + b.i % 4]
                            || ' issue, please restart and tell us the error code'
                when 2 then 'Still broken after the restart, error shown: ' || md5(b.i::text)
                else 'Internal: vendor case ' || (b.i * 31 % 100000) || ' suspected firmware bug secretnote' end,
       c.k = 3, case c.k when 1 then b.t1 when 2 then b.t2 else b.t3 end
from bench_ticket b, generate_series(1, 3) c(k)
where b.scenario not in ('A', 'H') and (c.k = 1 or (c.k = 2 and b.i % 2 = 0) or (c.k = 3 and b.i % 3 = 0));

alter table ticket_comment enable trigger ticket_comment_search;
update ticket t set comments_vector = t.comments_vector || setweight(to_tsvector('english', c.bodies), 'C')
from (select cm.ticket_id, string_agg(cm.body, ' ' order by cm.created_at) as bodies
      from ticket_comment cm join bench_ticket b on b.id = cm.ticket_id where not cm.internal group by cm.ticket_id) c
where c.ticket_id = t.id;

drop table bench_gen;
drop table bench_ticket;
analyze ticket;
analyze ticket_event;
analyze ticket_comment;
