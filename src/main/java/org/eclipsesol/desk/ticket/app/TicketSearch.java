package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * The JPQL of a ticket list: the caller's visibility, the filters, the order of each sort and its keyset cursor
 * (NEWEST and OLDEST resume after a number; DUE after a due moment in nanoseconds and a number; UPDATED after an
 * updatedAt in nanoseconds and an id, so a ticket changed meanwhile moves behind the cursor and comes again).
 */
final class TicketSearch {

    private TicketSearch() {
    }

    /** The WHERE clause of a list: the caller's visibility first, then the filters. */
    static StringBuilder where(Caller caller, TicketFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(TicketAccess.visibility(caller, "t", params));
        if (filter.organizationId() != null) {
            where.append(" and t.organization.id = :org");
            params.put("org", filter.organizationId());
        }
        if (filter.status() != null) {
            where.append(" and t.status = :status");
            params.put("status", filter.status());
        }
        if (filter.priority() != null) {
            where.append(" and t.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.service() != null) {
            where.append(" and t.service = :service");
            params.put("service", filter.service());
        }
        if (filter.assigneeId() != null) {
            where.append(" and t.assignee.id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (filter.escalated() != null) {
            where.append(" and t.escalated = :escalated");
            params.put("escalated", filter.escalated());
        }
        if (filter.slaStatus() != null) {
            // an enum name, inlined so the planner can prove a partial index's predicate (V10_6: PAUSED)
            String sla = filter.slaStatus().name();
            where.append(" and (t.slaResponseStatus = '" + sla + "' or t.slaResolutionStatus = '" + sla + "')");
        }
        if (filter.updatedSince() != null) {
            where.append(" and t.updatedAt >= :since");
            params.put("since", filter.updatedSince());
        }
        return where;
    }

    /** Appends the condition that resumes after {@code cursor} and returns the ORDER BY of the sort. */
    static String resumeAndOrder(TicketSort sort, String cursor, StringBuilder where, Map<String, Object> params) {
        switch (sort) {
            case OLDEST -> {
                if (cursor != null) {
                    where.append(" and t.number > :after");
                    params.put("after", parseLong(Cursors.decode(cursor, 1)[0]));
                }
                return " order by t.number asc";
            }
            case DUE -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    long number = parseLong(parts[1]);
                    if (parts[0].isEmpty()) {
                        where.append(" and t.slaDueAt is null and t.number > :after");
                    } else {
                        where.append(" and (t.slaDueAt > :afterDue or (t.slaDueAt = :afterDue and t.number > :after)"
                                + " or t.slaDueAt is null)");
                        params.put("afterDue", Instant.ofEpochSecond(0, parseLong(parts[0])));
                    }
                    params.put("after", number);
                }
                return " order by t.slaDueAt asc nulls last, t.number asc";
            }
            case UPDATED -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    where.append(" and (t.updatedAt > :afterAt or (t.updatedAt = :afterAt and t.id > :afterId))");
                    params.put("afterAt", Instant.ofEpochSecond(0, parseLong(parts[0])));
                    params.put("afterId", parseUuid(parts[1]));
                }
                return " order by t.updatedAt asc, t.id asc";
            }
            default -> {
                if (cursor != null) {
                    where.append(" and t.number < :after");
                    params.put("after", parseLong(Cursors.decode(cursor, 1)[0]));
                }
                return " order by t.number desc";
            }
        }
    }

    static String cursorOf(TicketEntity t, TicketSort sort) {
        return switch (sort) {
            case DUE -> Cursors.encode(t.slaDueAt == null ? "" : Long.toString(nanos(t.slaDueAt)), Long.toString(t.number));
            case UPDATED -> Cursors.encode(Long.toString(nanos(t.updatedAt)), t.id.toString());
            default -> Cursors.encode(Long.toString(t.number));
        };
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static UUID parseUuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw Cursors.invalid();
        }
    }

    static long parseLong(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
