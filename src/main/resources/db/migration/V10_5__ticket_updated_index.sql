-- Incremental sync (GET /api/v1/tickets?updatedSince=...&sort=UPDATED): the keyset (updated_at, id) of the UPDATED
-- order, for staff (every ticket) and per organization (a client sees only theirs).
create index ticket_updated_idx on ticket (updated_at, id);
create index ticket_org_updated_idx on ticket (organization_id, updated_at, id);
