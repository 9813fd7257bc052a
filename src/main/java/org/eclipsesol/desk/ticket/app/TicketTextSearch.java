package org.eclipsesol.desk.ticket.app;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/**
 * Lists with {@code q}: PostgreSQL full-text search on {@code ticket.search_vector} (title, description, error message,
 * public comments; V10_2, GIN index) with {@code websearch_to_tsquery('english', q)} ("quoted phrases", -not, or),
 * plus the ticket number as an exact match ({@code T-10042} or {@code 10042}, ranked first). Without an explicit sort
 * the page is ranked ({@code ts_rank}, then newest); with one, that order. The ids of one page are chosen in one
 * native statement (the same visibility and filters as {@link TicketSearch}, in SQL), then loaded.
 */
final class TicketTextSearch {

    private static final Pattern NUMBER = Pattern.compile("(?i)^\\s*(?:T-?)?(\\d{1,18})\\s*$");
    private static final String QUERY = "websearch_to_tsquery('english', ?)";

    private TicketTextSearch() {
    }

    /** The ticket number {@code q} names, or null. */
    static Long number(String q) {
        Matcher m = NUMBER.matcher(q);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    record Hit(UUID id, float rank) {
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
            where.append(" and (t.sla_response_status = ? or t.sla_resolution_status = ?)");
            args.add(filter.slaStatus().name());
            args.add(filter.slaStatus().name());
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

    /** One page (size + 1 rows) of ticket ids with their rank, in the list's order. */
    static List<Hit> page(EntityManager em, Caller caller, TicketFilter filter, TicketSort sort, String cursor, int rows) {
        List<Object> args = new ArrayList<>();
        String q = filter.q().trim();
        StringBuilder sql = new StringBuilder("select s.id, s.rank from (select t.id, t.number, t.sla_due_at, t.updated_at, ")
                .append(rank(q, args)).append(" as rank from ticket t where ").append(where(caller, filter, args))
                .append(") s where true");
        String order;
        switch (sort) {
            case OLDEST -> {
                if (cursor != null) {
                    sql.append(" and s.number > ?");
                    args.add(parseLong(Cursors.decode(cursor, 1)[0]));
                }
                order = " order by s.number asc";
            }
            case NEWEST -> {
                if (cursor != null) {
                    sql.append(" and s.number < ?");
                    args.add(parseLong(Cursors.decode(cursor, 1)[0]));
                }
                order = " order by s.number desc";
            }
            case DUE -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    long after = parseLong(parts[1]);
                    if (parts[0].isEmpty()) {
                        sql.append(" and s.sla_due_at is null and s.number > ?");
                    } else {
                        long nanos = parseLong(parts[0]);
                        OffsetDateTime due = OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), ZoneOffset.UTC);
                        sql.append(" and (s.sla_due_at > ? or (s.sla_due_at = ? and s.number > ?) or s.sla_due_at is null)");
                        args.add(due);
                        args.add(due);
                    }
                    args.add(after);
                }
                order = " order by s.sla_due_at asc nulls last, s.number asc";
            }
            case UPDATED -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, parseLong(parts[0])),
                            ZoneOffset.UTC);
                    sql.append(" and (s.updated_at > ? or (s.updated_at = ? and s.id > ?))");
                    args.add(at);
                    args.add(at);
                    args.add(TicketSearch.parseUuid(parts[1]));
                }
                order = " order by s.updated_at asc, s.id asc";
            }
            default -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    float rank;
                    try {
                        rank = Float.parseFloat(parts[0]);
                    } catch (NumberFormatException e) {
                        throw Cursors.invalid();
                    }
                    sql.append(" and (s.rank < ? or (s.rank = ? and s.number < ?))");
                    args.add(rank);
                    args.add(rank);
                    args.add(parseLong(parts[1]));
                }
                order = " order by s.rank desc, s.number desc";
            }
        }
        sql.append(order).append(" limit ").append(rows);
        return run(em, sql.toString(), args);
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
    static List<TicketEntity> load(EntityManager em, List<Hit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = hits.stream().map(Hit::id).toList();
        Map<UUID, TicketEntity> byId = new HashMap<>();
        em.createQuery("select t from TicketEntity t join fetch t.organization left join fetch t.assignee where t.id in :ids",
                TicketEntity.class).setParameter("ids", ids).getResultList().forEach(t -> byId.put(t.id, t));
        List<TicketEntity> rows = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            TicketEntity t = byId.get(id);
            if (t != null) {
                rows.add(t);
            }
        }
        return rows;
    }

    static String cursorOf(TicketEntity t, float rank, TicketSort sort) {
        return sort == TicketSort.RELEVANCE ? Cursors.encode(Float.toString(rank), Long.toString(t.number))
                : TicketSearch.cursorOf(t, sort);
    }

    private static List<Hit> run(EntityManager em, String sql, List<Object> args) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<Hit> hits = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new Hit(rs.getObject(1, UUID.class), rs.getFloat(2)));
                    }
                }
                return hits;
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
