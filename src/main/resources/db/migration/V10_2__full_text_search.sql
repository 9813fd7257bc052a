-- Full-text search (issue 12): a generated tsvector over the title (weight A), description and error message (B) and
-- the PUBLIC comments (C). Comments live in another table, so their part is a trigger-maintained column that the
-- generated column includes; internal notes never enter it, so no search can find a ticket by an internal note.
alter table ticket add column comments_vector tsvector not null default ''::tsvector;

update ticket t set comments_vector = setweight(to_tsvector('english', c.bodies), 'C')
from (select ticket_id, string_agg(body, ' ' order by created_at) as bodies
      from ticket_comment where not internal group by ticket_id) c
where c.ticket_id = t.id;

alter table ticket add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(error_message, '')), 'B')
    || comments_vector) stored;

create index ticket_search_idx on ticket using gin (search_vector);

create function ticket_comment_search() returns trigger language plpgsql as $$
begin
    if not new.internal then
        update ticket set comments_vector = comments_vector || setweight(to_tsvector('english', new.body), 'C')
        where id = new.ticket_id;
    end if;
    return new;
end $$;

create trigger ticket_comment_search after insert on ticket_comment
    for each row execute function ticket_comment_search();
