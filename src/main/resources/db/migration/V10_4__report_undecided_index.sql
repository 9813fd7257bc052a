-- Reports at scale (issue 12): the report's second and third statements read only the tickets with a target not decided
-- yet (still open, about a tenth); this partial index finds them by opening time without scanning the decided ones.
create index ticket_undecided_opened_idx on ticket (opened_at)
    where sla_response_on_time is null or sla_resolution_on_time is null;
