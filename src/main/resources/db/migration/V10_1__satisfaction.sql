-- Satisfaction (issue 12, PRODUCT.md "Satisfaction"): one rating per ticket, on the ticket row (lists and reports read
-- it without a join; "once" is enforced under the ticket's row lock).
alter table ticket
    add column satisfaction_rating   varchar(4) check (satisfaction_rating in ('GOOD', 'BAD')),
    add column satisfaction_comment  text,
    add column satisfaction_rated_at timestamptz,
    add column satisfaction_rated_by varchar(255);
