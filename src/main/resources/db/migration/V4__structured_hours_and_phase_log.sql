-- Business hours and the phase log become structured JSON (the application reads only this form).

-- sla_policy.business_hours: "MONDAY=09:00-17:00;TUESDAY=08:00-12:00,13:00-17:00" becomes
-- [{"day": "MONDAY", "from": "09:00", "to": "17:00"}, {"day": "TUESDAY", "from": "08:00", "to": "12:00"}, ...]
-- in the order written.
alter table sla_policy add column business_hours_json jsonb;
update sla_policy p set business_hours_json = coalesce((
    select jsonb_agg(jsonb_build_object(
                'day', upper(trim(split_part(d.entry, '=', 1))),
                'from', trim(split_part(r.span, '-', 1)),
                'to', trim(split_part(r.span, '-', 2))) order by d.ord, r.ord)
    from unnest(string_to_array(p.business_hours, ';')) with ordinality as d(entry, ord)
    cross join lateral unnest(string_to_array(split_part(d.entry, '=', 2), ',')) with ordinality as r(span, ord)
    where position('=' in d.entry) > 0 and trim(r.span) <> ''), '[]'::jsonb);
alter table sla_policy drop column business_hours;
alter table sla_policy rename column business_hours_json to business_hours;
alter table sla_policy alter column business_hours set not null;

-- ticket.phase_log: "2026-11-26T02:37:00.361306Z=OPEN,..." (and the older "epochMillis:OPEN") becomes
-- [{"at": "2026-11-26T02:37:00.361306Z", "phase": "OPEN"}, ...] in chronological order.
alter table ticket add column phase_log_json jsonb not null default '[]'::jsonb;
update ticket t set phase_log_json = coalesce((
    select jsonb_agg(case
                when position('=' in e.entry) > 0 then jsonb_build_object(
                    'at', split_part(e.entry, '=', 1),
                    'phase', split_part(e.entry, '=', 2))
                else jsonb_build_object(
                    'at', to_char(to_timestamp(split_part(e.entry, ':', 1)::bigint / 1000.0) at time zone 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    'phase', split_part(e.entry, ':', 2))
            end order by e.ord)
    from unnest(string_to_array(t.phase_log, ',')) with ordinality as e(entry, ord)
    where e.entry <> ''), '[]'::jsonb)
where t.phase_log <> '';
alter table ticket drop column phase_log;
alter table ticket rename column phase_log_json to phase_log;
