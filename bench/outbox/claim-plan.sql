-- The outbox worker's claim (NotificationWorker.deliverBatch) on 100,000 notices of which the newest 12,000 are
-- pending, with and without V11_1's index on the pending rows' seq. Runs in a scratch schema it drops again:
--   psql -h 127.0.0.1 -U postgres -f bench/outbox/claim-plan.sql > bench/results/outbox-claim-plan.txt
drop schema if exists bench_outbox cascade;
create schema bench_outbox;
set search_path = bench_outbox;
create table notification (
    seq bigint primary key, id uuid not null unique, channel varchar(16) not null, kind varchar(40) not null,
    recipient varchar(2000) not null, ticket_id uuid, status varchar(16) not null, next_attempt_at timestamptz not null,
    created_at timestamptz not null);
create index on notification (next_attempt_at) where status = 'PENDING';
create index on notification (ticket_id, recipient, seq);
insert into notification (seq, id, channel, kind, recipient, ticket_id, status, next_attempt_at, created_at)
select g, gen_random_uuid(), 'EMAIL', 'ACKNOWLEDGEMENT', 'ben@acme.example', gen_random_uuid(),
       case when g <= 88000 then 'SENT' else 'PENDING' end, now() - interval '1 minute', now()
  from generate_series(1, 100000) g;
analyze notification;
-- The claim as NotificationWorker.deliverBatch sends it (planned again after the index is created).
prepare claim as select n.seq from notification n
 where n.status = 'PENDING' and n.next_attempt_at <= now()
   and not exists (select 1 from notification p where p.status = 'PENDING' and p.ticket_id = n.ticket_id
                    and p.recipient = n.recipient and p.seq < n.seq)
 order by n.seq limit 50 for update of n skip locked;
\echo '## without the index (V11 and before)'
explain (analyze, buffers, costs off) execute claim;
create index notification_pending_seq on notification (seq) where status = 'PENDING';
analyze notification;
\echo '## with V11_1 notification_pending_seq'
explain (analyze, buffers, costs off) execute claim;
drop schema bench_outbox cascade;
