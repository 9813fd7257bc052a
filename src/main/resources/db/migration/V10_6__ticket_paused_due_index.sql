-- Lists at scale (issue 12): slaStatus=PAUSED with sort=DUE. A paused target has no due moment, so paused tickets sit
-- in the null part at the end of ticket_sla_due_idx and that list scanned through every running ticket first
-- (130 ms at 300,000 tickets). This partial index holds only the tickets with a paused target, in the DUE order
-- (sla_due_at asc nulls last, number), so the page is its first entries. The list inlines the status literal
-- (TicketSearch, TicketTextSearch) so the planner can prove the index's predicate.
create index ticket_sla_paused_due_idx on ticket (sla_due_at, number)
    where sla_response_status = 'PAUSED' or sla_resolution_status = 'PAUSED';
