-- Lists at scale (issue 12), continued: the last UI lists over 10 ms at 1,000,000 tickets (bench/results/explain-lists.txt).
-- slaStatus=PAUSED with sort=NEWEST/OLDEST sorted every ticket with a paused target (~6,500, 24-27 ms); this partial
-- index holds them in number order (0.2 ms).
create index ticket_sla_paused_number_idx on ticket (number)
    where sla_response_status = 'PAUSED' or sla_resolution_status = 'PAUSED';
-- sort=DUE within one organization (every client list, and staff filtering by organization) sorted the organization's
-- matching tickets (client org + status=NEW: 1,273 rows, 12 ms); in DUE order per organization the page is the first
-- entries that pass the filter (0.35 ms).
create index ticket_org_due_idx on ticket (organization_id, sla_due_at, number);
