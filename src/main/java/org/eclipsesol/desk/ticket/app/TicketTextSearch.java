package org.eclipsesol.desk.ticket.app;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * Lists with {@code q}: PostgreSQL full-text search on {@code ticket.search_vector} (title, description, error message,
 * public comments; V10_2, GIN index) with {@code websearch_to_tsquery('english', q)} ("quoted phrases", -not, or),
 * plus the ticket number as an exact match ({@code T-10042} or {@code 10042}, ranked first). Without an explicit sort
 * the page is ranked ({@code ts_rank}, then newest) among the newest {@code desk.search.ranked-matches} (200)
 * matches, the older matches following newest first; with a sort, that order. The ids of one page are chosen in native
 * SQL (the same visibility and filters as {@link TicketSearch}), then loaded.
 */
final class TicketTextSearch {

    private static final Pattern NUMBER = Pattern.compile("(?i)^\\s*(?:T-?)?(\\d{1,18})\\s*$");
    private static final String QUERY = "websearch_to_tsquery('english', ?)";
    /** The largest window of newest tickets read in number order rather than through the GIN index. */
    private static final long ORDERED_WINDOW = 40_000;

    private TicketTextSearch() {
    }

    /** The ticket number {@code q} names, or null. */
    static Long number(String q) {
        Matcher m = NUMBER.matcher(q);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    /** A ticket of a page; {@code cursor} the one that resumes after it (RELEVANCE), else null (the sort's own). */
    record Hit(UUID id, String cursor) {
    }

    /** The WHERE clause (native SQL on alias t) with visibility, filters and the text condition; args in order. */
    static String where(Caller caller, TicketFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(TicketAccess.nativeVisibility(caller, "t", args));
        if (filter.organizationId() != null) {
            where.append(" and t.organization_id = ?");
            args.add(filter.organizationId());
        }
        if (filter.status() != null) {
            where.append(" and t.status = ?");
            args.add(filter.status().name());
        }
        if (filter.priority() != null) {
            where.append(" and t.priority = ?");
            args.add(filter.priority().name());
        }
        if (filter.service() != null) {
            where.append(" and t.service = ?");
            args.add(filter.service().name());
        }
        if (filter.assigneeId() != null) {
            where.append(" and t.assignee_id = ?");
            args.add(filter.assigneeId());
        }
        if (filter.escalated() != null) {
            where.append(" and t.escalated = ?");
            args.add(filter.escalated());
        }
        if (filter.slaStatus() != null) {
            // an enum name, inlined so the planner can prove a partial index's predicate (V10_6: PAUSED)
            String sla = filter.slaStatus().name();
            where.append(" and (t.sla_response_status = '" + sla + "' or t.sla_resolution_status = '" + sla + "')");
        }
        if (filter.updatedSince() != null) {
            where.append(" and t.updated_at >= ?");
            args.add(OffsetDateTime.ofInstant(filter.updatedSince(), ZoneOffset.UTC));
        }
        if (filter.q() == null || filter.q().isBlank()) {
            return where.toString();
        }
        String q = filter.q().trim();
        Long number = number(q);
        where.append(" and (t.search_vector @@ " + QUERY);
        args.add(q);
        if (number != null) {
            where.append(" or t.number = ?");
            args.add(number);
        }
        where.append(")");
        return where.toString();
    }

    /** The WHERE clause without the text condition: visibility and filters; args in order. */
    private static String base(Caller caller, TicketFilter filter, List<Object> args) {
        return where(caller, new TicketFilter(filter.status(), filter.priority(), filter.service(), filter.organizationId(),
                filter.assigneeId(), filter.slaStatus(), filter.escalated(), null, filter.sort(), filter.updatedSince()),
                args);
    }

    /*
     * RELEVANCE ranks at most desk.search.ranked-matches (200) text matches: the newest ones (found in growing windows
     * of the newest tickets, see relevancePage), plus an exact ticket-number match. A broad query ("printer offline")
     * matches a large share of a million tickets, and ranking every match before taking a page cost ~200 ms; the newest
     * 1,000 are ranked in a few milliseconds. The older matches follow the ranked ones newest first, so a walk still
     * reaches every match. docs/decisions.md, "Lists".
     */

    /** The rank expression: an exact number match first, then ts_rank; args in order. */
    private static String rank(String q, List<Object> args) {
        Long number = number(q);
        if (number == null) {
            args.add(q);
            return "ts_rank(t.search_vector, " + QUERY + ")";
        }
        args.add(number);
        args.add(q);
        return "(case when t.number = ? then 1000::real else ts_rank(t.search_vector, " + QUERY + ") end)";
    }

    /** One page (size + 1 rows) of ticket ids with their cursor, in the list's order. */
    static List<Hit> page(EntityManager em, Caller caller, TicketFilter filter, TicketSort sort, String cursor, int rows,
            int ranked) {
        if (sort == TicketSort.RELEVANCE) {
            return relevancePage(em, caller, filter, cursor, rows, ranked);
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.id from ticket t where ").append(where(caller, filter, args));
        String order;
        switch (sort) {
            case OLDEST -> {
                if (cursor != null) {
                    sql.append(" and t.number > ?");
                    args.add(parseLong(Cursors.decode(cursor, 1)[0]));
                }
                order = " order by t.number asc";
            }
            case DUE -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    long after = parseLong(parts[1]);
                    if (parts[0].isEmpty()) {
                        sql.append(" and t.sla_due_at is null and t.number > ?");
                    } else {
                        long nanos = parseLong(parts[0]);
                        OffsetDateTime due = OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC);
                        sql.append(" and (t.sla_due_at > ? or (t.sla_due_at = ? and t.number > ?) or t.sla_due_at is null)");
                        args.add(due);
                        args.add(due);
                    }
                    args.add(after);
                }
                order = " order by t.sla_due_at asc nulls last, t.number asc";
            }
            case UPDATED -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, parseLong(parts[0])),
                            ZoneOffset.UTC);
                    sql.append(" and (t.updated_at > ? or (t.updated_at = ? and t.id > ?))");
                    args.add(at);
                    args.add(at);
                    args.add(TicketSearch.parseUuid(parts[1]));
                }
                order = " order by t.updated_at asc, t.id asc";
            }
            default -> {
                if (cursor != null) {
                    sql.append(" and t.number < ?");
                    args.add(parseLong(Cursors.decode(cursor, 1)[0]));
                }
                order = " order by t.number desc";
            }
        }
        sql.append(order).append(" limit ").append(rows);
        return run(em, sql.toString(), args, rs -> new Hit(rs.getObject(1, UUID.class), null));
    }

    /**
     * RELEVANCE: the ranked part first (the newest {@code ranked} text matches and an exact number match, by rank, then
     * newest), then the older text matches newest first. The first page fixes the ranked part by its lowest number (the
     * floor), which every cursor carries: {@code rank|number|floor}, rank empty in the older part, floor empty when
     * fewer than {@code ranked} matched (then every match is ranked).
     */
    private static List<Hit> relevancePage(EntityManager em, Caller caller, TicketFilter filter, String cursor, int rows,
            int ranked) {
        String q = filter.q().trim();
        Long number = number(q);
        Long floor = null;
        List<Object[]> found;
        if (cursor == null) {
            // The newest `ranked` matches, looked for among the newest 25 x ranked tickets first, then in a window
            // sized by the matches found there (1.5 x what `ranked` needs at that density), then among all; once a
            // window holds `ranked` matches they are the newest overall. A window up to ORDERED_WINDOW tickets is read
            // newest first through the number index (its cost grows with the window, a few milliseconds); beyond that,
            // or when the first window held no match at all (a rare query), the GIN index finds the matches (its cost
            // grows with how often the words occur, 10-50 ms at a million tickets for common words).
            long newest = em.unwrap(Session.class).doReturningWork(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select max(number) from ticket")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            found = List.of();
            long window = 25L * ranked;
            Long above = newest - window <= 0 ? null : newest - window;
            for (int attempt = 0; attempt < 3; attempt++) {
                long[] bounds = { 0, 0 };
                List<Object> args = new ArrayList<>();
                String sql = firstPage(caller, filter, q, number, ranked, rows, above,
                        above != null && window <= ORDERED_WINDOW, args);
                found = run(em, sql, args, rs -> {
                    bounds[0] = rs.getLong(4);
                    bounds[1] = rs.getLong(5);
                    return new Object[] { rs.getObject(1, UUID.class), rs.getLong(2), rs.getFloat(3) };
                });
                if (bounds[1] >= ranked) {
                    floor = bounds[0];
                }
                if (above == null || bounds[1] >= ranked) {
                    break;
                }
                window = Math.max(window * 2, (long) (window * 1.5 * ranked / Math.max(1, bounds[1])));
                above = bounds[1] == 0 || attempt == 1 || newest - window <= 0 ? null : newest - window;
            }
        } else {
            String[] parts = Cursors.decode(cursor, 3);
            floor = parts[2].isEmpty() ? null : parseLong(parts[2]);
            if (parts[0].isEmpty()) {
                return older(em, caller, filter, q, number, parseLong(parts[1]), parts[2], rows);
            }
            float rank;
            try {
                rank = Float.parseFloat(parts[0]);
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select s.id, s.number, s.rank from (select t.id, t.number, ")
                    .append(rank(q, args)).append(" as rank from ticket t where ").append(base(caller, filter, args))
                    .append(" and ((t.search_vector @@ " + QUERY);
            args.add(q);
            if (floor != null) {
                sql.append(" and t.number >= ?");
                args.add(floor);
            }
            sql.append(")");
            if (number != null) {
                sql.append(" or t.number = ?");
                args.add(number);
            }
            sql.append(")) s where (s.rank < ? or (s.rank = ? and s.number < ?)) order by s.rank desc, s.number desc limit ")
                    .append(rows);
            args.add(rank);
            args.add(rank);
            args.add(parseLong(parts[1]));
            found = run(em, sql.toString(), args,
                    rs -> new Object[] { rs.getObject(1, UUID.class), rs.getLong(2), rs.getFloat(3) });
        }
        String floorText = floor == null ? "" : Long.toString(floor);
        List<Hit> hits = new ArrayList<>(rows);
        for (Object[] f : found) {
            hits.add(new Hit((UUID) f[0], Cursors.encode(Float.toString((Float) f[2]), f[1].toString(), floorText)));
        }
        if (hits.size() < rows && floor != null) {
            hits.addAll(older(em, caller, filter, q, number, floor, floorText, rows - hits.size()));
        }
        return hits;
    }

    /**
     * The first RELEVANCE page: the newest {@code ranked} text matches numbered above {@code above} (null: any), ranked
     * after the limit, with their floor and count in every row, plus the numbered ticket; the arguments into
     * {@code args}.
     */
    private static String firstPage(Caller caller, TicketFilter filter, String q, Long number, int ranked, int rows,
            Long above, boolean newestFirst, List<Object> args) {
        // newestFirst: the condition is hidden from the GIN index (coalesce), so the window is read newest first through
        // the number index, stopping at `ranked` matches. For a frequent word that costs a few milliseconds, where the
        // GIN bitmap of every match costs 15-50 ms at a million tickets; a rare word reads the whole window (about 5 ms).
        String matches = newestFirst ? "coalesce(t.search_vector @@ " + QUERY + ", false)" : "t.search_vector @@ " + QUERY;
        StringBuilder sql = new StringBuilder("with c as (select t.id, t.number, t.search_vector from ticket t where ")
                .append(base(caller, filter, args)).append(" and ").append(matches);
        args.add(q);
        if (above != null) {
            sql.append(" and t.number > ?");
            args.add(above);
        }
        sql.append(" order by t.number desc limit " + ranked + "), b as (select min(number) as floor,")
                .append(" count(*) as n from c) select s.id, s.number, s.rank, b.floor, b.n from (select c.id, c.number,");
        if (number == null) {
            sql.append(" ts_rank(c.search_vector, " + QUERY + ") as rank from c");
            args.add(q);
        } else {
            sql.append(" case when c.number = ? then 1000::real else ts_rank(c.search_vector, " + QUERY
                    + ") end as rank from c union all select t.id, t.number, 1000::real from ticket t where ");
            args.add(number);
            args.add(q);
            sql.append(base(caller, filter, args)).append(" and t.number = ? and t.id not in (select id from c)");
            args.add(number);
        }
        sql.append(") s, b order by s.rank desc, s.number desc limit ").append(rows);
        return sql.toString();
    }

    /** The text matches below the ranked part, numbered below {@code before}, newest first (RELEVANCE's older part). */
    private static List<Hit> older(EntityManager em, Caller caller, TicketFilter filter, String q, Long number, long before,
            String floor, int rows) {
        if (floor.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select t.id, t.number from ticket t where ").append(base(caller, filter, args))
                .append(" and t.search_vector @@ " + QUERY + " and t.number < ?");
        args.add(q);
        args.add(Math.min(before, parseLong(floor)));
        if (number != null) {
            sql.append(" and t.number <> ?");
            args.add(number);
        }
        sql.append(" order by t.number desc limit ").append(rows);
        return run(em, sql.toString(), args,
                rs -> new Hit(rs.getObject(1, UUID.class), Cursors.encode("", Long.toString(rs.getLong(2)), floor)));
    }

    /** How many tickets match (visibility, filters, text), counting at most {@code cap} rows. */
    static long count(EntityManager em, Caller caller, TicketFilter filter, long cap) {
        List<Object> args = new ArrayList<>();
        String sql = "select count(*) from (select 1 from ticket t where " + where(caller, filter, args) + " limit " + cap
                + ") x";
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The entities of a page of hits, in the hits' order. */
    static List<TicketEntity> load(List<Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = hits.stream().map(Hit::id).toList();
        Map<UUID, TicketEntity> byId = new HashMap<>();
        TicketEntity.withOrganizationAndAssignee(ids).forEach(t -> byId.put(t.id, t));
        List<TicketEntity> rows = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            TicketEntity t = byId.get(id);
            if (t != null) {
                rows.add(t);
            }
        }
        return rows;
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws java.sql.SQLException;
    }

    private static <T> List<T> run(EntityManager em, String sql, List<Object> args, RowReader<T> reader) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                // Planned for each execution with its values (an unnamed statement): after five runs of the same text
                // PostgreSQL may switch a named one to a generic plan, blind to the query's words and the window.
                ps.unwrap(PGStatement.class).setPrepareThreshold(0);
                bind(ps, args);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
                return rows;
            }
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static long parseLong(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
