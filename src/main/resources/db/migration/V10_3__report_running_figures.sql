-- Reports at scale (issue 12), continued: what the last SLA evaluation of a ticket saw, so a report computes the clock
-- time of a breached, still unmet target as elapsed-at-evaluation + (clock time since, if the clock ran) without
-- re-reading the ticket's history. Rows without it are evaluated live by the report.
alter table ticket
    add column sla_evaluated_at            timestamptz, -- the moment of the last evaluation (refresh)
    add column sla_running                 boolean,     -- whether the clocks ran then (an open phase)
    add column sla_response_elapsed_at_us  bigint,      -- each target's clock time at that moment, microseconds
    add column sla_resolution_elapsed_at_us bigint;
