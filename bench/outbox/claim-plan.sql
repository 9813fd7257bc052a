-- The outbox worker's claim (NotificationWorker.deliverBatch) in a scratch schema it drops again:
--   psql -h 127.0.0.1 -U postgres -f bench/outbox/claim-plan.sql > bench/results/outbox-claim-plan.txt
-- In each case the claim before 2026-12-04 (one statement with an anti-join) and the claim now (a walk over the
-- PENDING rows in seq order, a page of 500 at a time, then the lock of up to 50 by primary key), with the outbox's
-- indexes (V6, V11_1). Case 0: a new outbox (never analyzed, as after a deploy) that 7,560 due notices reach, as in
-- the HTTP bench of 2026-12-04. Case 1: statistics taken while all 95,000 notices were SENT, then a burst of 5,000
-- (autovacuum has not analyzed them yet: the state right after any burst). Case 2: the same rows analyzed.
drop schema if exists bench_outbox cascade;
create schema bench_outbox;
set search_path = bench_outbox;
create table notification (
    seq bigint primary key, id uuid not null unique, channel varchar(16) not null, kind varchar(40) not null,
    recipient varchar(2000) not null, ticket_id uuid, status varchar(16) not null, next_attempt_at timestamptz not null,
    created_at timestamptz not null) with (autovacuum_enabled = false);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_ticket on notification (ticket_id, recipient, seq);
create index notification_pending_seq on notification (seq) where status = 'PENDING';
-- Notices seq :first to :last, all of one status (psql variables set before each use).
prepare add_notices(bigint, bigint, varchar) as
insert into notification (seq, id, channel, kind, recipient, ticket_id, status, next_attempt_at, created_at)
select g, gen_random_uuid(), 'EMAIL', 'ACKNOWLEDGEMENT', 'ben@acme.example', gen_random_uuid(), $3,
       now() - interval '1 minute', now() - interval '1 minute'
  from generate_series($1, $2) g;
-- Planned at each execution after an analyze or a truncate (both invalidate the cached plan).
prepare old_claim as select n.seq from notification n
 where n.status = 'PENDING' and n.next_attempt_at <= now()
   and not exists (select 1 from notification p where p.status = 'PENDING' and p.ticket_id = n.ticket_id
                    and p.recipient = n.recipient and p.seq < n.seq)
 order by n.seq limit 50 for update of n skip locked;
prepare walk_page as select seq, cast(ticket_id as text), recipient, next_attempt_at <= now() from notification
 where status = 'PENDING' and seq > 0 order by seq limit 500;
-- One case: the claim before, then the claim now (its first page, then the lock of the walk's first 200 candidates,
-- a batch of 50 times four, as the worker binds them).
\set claims 'explain (analyze, buffers, costs off) execute old_claim; explain (analyze, buffers, costs off) execute walk_page; select string_agg(seq::text, \',\' order by seq) as candidates from (select seq from notification where status = \'PENDING\' order by seq limit 200) c \\gset'
\set lock 'explain (analyze, buffers, costs off) select * from notification where seq in (:candidates) order by seq limit 50 for update skip locked;'

\echo '## 0. a new outbox, never analyzed, 7,560 due: the claim before, a page of the walk, the lock'
execute add_notices(1, 7560, 'PENDING');
:claims
:lock

\echo '## 1. statistics taken while all 95,000 notices were SENT, then a burst of 5,000 due: the same three'
truncate notification;
execute add_notices(1, 95000, 'SENT');
analyze notification;
execute add_notices(95001, 100000, 'PENDING');
:claims
:lock

\echo '## 2. the same rows analyzed: the same three'
analyze notification;
:claims
:lock
drop schema bench_outbox cascade;
