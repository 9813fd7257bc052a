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
insert into notification (seq, id, channel, kind, recipient, ticket_id, status, next_attempt_at, created_at)
select g, gen_random_uuid(), 'EMAIL', 'ACKNOWLEDGEMENT', 'ben@acme.example', gen_random_uuid(), 'PENDING',
       now() - interval '1 minute', now() - interval '1 minute'
  from generate_series(1, 7560) g;
\echo '## 0. a new outbox, never analyzed: the claim before (anti-join)'
explain (analyze, buffers, costs off) select n.seq from notification n
 where n.status = 'PENDING' and n.next_attempt_at <= now()
   and not exists (select 1 from notification p where p.status = 'PENDING' and p.ticket_id = n.ticket_id
                    and p.recipient = n.recipient and p.seq < n.seq)
 order by n.seq limit 50 for update of n skip locked;
\echo '## 0. a new outbox, never analyzed: the claim now (a walk page, then the lock)'
explain (analyze, buffers, costs off) select seq, cast(ticket_id as text), recipient, next_attempt_at <= now()
  from notification where status = 'PENDING' and seq > 0 order by seq limit 500;
select string_agg(seq::text, ',' order by seq) as candidates
  from (select seq from notification where status = 'PENDING' order by seq limit 200) c \gset
explain (analyze, buffers, costs off) select * from notification where seq in (:candidates) order by seq limit 50
 for update skip locked;
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
insert into notification (seq, id, channel, kind, recipient, ticket_id, status, next_attempt_at, created_at)
select g, gen_random_uuid(), 'EMAIL', 'ACKNOWLEDGEMENT', 'ben@acme.example', gen_random_uuid(), 'SENT',
       now() - interval '1 hour', now() - interval '1 hour'
  from generate_series(1, 95000) g;
analyze notification;
insert into notification (seq, id, channel, kind, recipient, ticket_id, status, next_attempt_at, created_at)
select g, gen_random_uuid(), 'EMAIL', 'ACKNOWLEDGEMENT', 'ben@acme.example', gen_random_uuid(), 'PENDING',
       now() - interval '1 minute', now() - interval '1 minute'
  from generate_series(95001, 100000) g;
prepare old_claim as select n.seq from notification n
 where n.status = 'PENDING' and n.next_attempt_at <= now()
   and not exists (select 1 from notification p where p.status = 'PENDING' and p.ticket_id = n.ticket_id
                    and p.recipient = n.recipient and p.seq < n.seq)
 order by n.seq limit 50 for update of n skip locked;
prepare walk_page as select seq, cast(ticket_id as text), recipient, next_attempt_at <= now() from notification
 where status = 'PENDING' and seq > 0 order by seq limit 500;
-- The walk's first 200 candidates (a batch of 50 times four) as the worker binds them.
select string_agg(seq::text, ',' order by seq) as candidates
  from (select seq from notification where status = 'PENDING' order by seq limit 200) c \gset
prepare lock_batch as select * from notification where seq in (:candidates) order by seq limit 50
 for update skip locked;
\echo '## 1. statistics from before the burst: the claim before (anti-join)'
explain (analyze, buffers, costs off) execute old_claim;
\echo '## 1. statistics from before the burst: the claim now (a walk page, then the lock)'
explain (analyze, buffers, costs off) execute walk_page;
explain (analyze, buffers, costs off) execute lock_batch;
analyze notification;
\echo '## 2. fresh statistics: the claim before (anti-join)'
explain (analyze, buffers, costs off) execute old_claim;
\echo '## 2. fresh statistics: the claim now (a walk page, then the lock)'
explain (analyze, buffers, costs off) execute walk_page;
explain (analyze, buffers, costs off) execute lock_batch;
drop schema bench_outbox cascade;
