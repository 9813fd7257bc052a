-- The outbox worker claims the oldest due pending notices (order by seq, limit 50). With only the primary key in seq
-- order, each claim walked past every notice ever sent (100,000 rows of which 12,000 pending: 88,000 rows filtered,
-- 10-13 ms per batch of 50, growing with the table forever); this index holds only the pending rows, in seq order
-- (0.3 ms). bench/outbox/claim-plan.sql, bench/results/outbox-claim-plan.txt.
create index notification_pending_seq on notification (seq) where status = 'PENDING';
