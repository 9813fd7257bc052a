package org.eclipsesol.desk.report.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Enums;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TargetView;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketSlaService;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * SLA reports: every ticket opened in the period is evaluated by the SLA engine (closed ones with the figures
 * they were frozen with), then counted per group. Supervisors see everything; technicians too (they work the
 * queue); a client sees only their organization's tickets.
 */
@ApplicationScoped
public class SlaReportService {

    public enum GroupBy {
        PRIORITY,
        SERVICE,
        CATEGORY,
        ORGANIZATION,
        ASSIGNEE
    }

    /** A report spans at most this much, so one request cannot evaluate the whole history. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final int FETCH = 500;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SlaPolicies policies;

    @Inject
    TicketSlaService sla;

    public SlaReport report(Caller caller, String fromText, String toText, String groupByText) {
        caller.requireTicketUser();
        GroupBy groupBy = groupByText == null || groupByText.isBlank()
                ? GroupBy.PRIORITY
                : Enums.parse(GroupBy.class, groupByText.trim().toUpperCase(), "groupBy");
        ZoneId zone = policies.policyInForceAt(clock.instant()).zone();
        Instant now = clock.instant();
        Instant to = toText == null || toText.isBlank() ? now : parse(toText, "to", zone);
        Instant from = fromText == null || fromText.isBlank() ? to.minus(Duration.ofDays(30)) : parse(fromText, "from", zone);
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalid("to", "a report spans at most 366 days");
        }
        Function<TicketEntity, String[]> key = keyOf(groupBy);
        Map<String, Counter> groups = new TreeMap<>();
        Counter total = new Counter("TOTAL", "All tickets");
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        String where = TicketAccess.visibility(caller, "t", params) + " and t.openedAt >= :from and t.openedAt < :to";
        int offset = 0;
        List<TicketEntity> page;
        do {
            var query = em
                    .createQuery("select t from TicketEntity t join fetch t.organization left join fetch t.assignee where "
                            + where + " order by t.number", TicketEntity.class);
            params.forEach(query::setParameter);
            page = query.setFirstResult(offset).setMaxResults(FETCH).getResultList();
            for (TicketEntity ticket : page) {
                SlaView view = sla.view(ticket, now);
                String[] k = key.apply(ticket);
                groups.computeIfAbsent(k[0], x -> new Counter(k[0], k[1])).add(ticket, view);
                total.add(ticket, view);
            }
            offset += page.size();
            em.clear();
        } while (page.size() == FETCH);
        List<SlaReportRow> rows = new ArrayList<>();
        groups.values().forEach(c -> rows.add(c.row()));
        return new SlaReport(from, to, groupBy.name(), rows, total.row());
    }

    /** An instant with offset, or a date meaning its start in the policy's time zone. */
    private static Instant parse(String text, String field, ZoneId zone) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return org.eclipsesol.desk.common.Instants.inRange(field,
                        LocalDate.parse(value).atStartOfDay(zone).toInstant());
            }
            return org.eclipsesol.desk.common.Instants.inRange(field, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (2026-11-01) or an ISO-8601 instant with offset");
        }
    }

    private static Function<TicketEntity, String[]> keyOf(GroupBy groupBy) {
        return switch (groupBy) {
            case PRIORITY -> t -> new String[] { t.priority.name(), t.priority.name() };
            case SERVICE -> t -> new String[] { t.service.name(), t.service.name() };
            case CATEGORY -> t -> new String[] { t.category.name(), t.category.name() };
            case ORGANIZATION -> t -> new String[] { t.organization.id.toString(), t.organization.name };
            case ASSIGNEE -> t -> t.assignee == null
                    ? new String[] { "UNASSIGNED", "Unassigned" }
                    : new String[] { t.assignee.id, t.assignee.name == null ? t.assignee.id : t.assignee.name };
        };
    }

    /** Counts of one group. */
    static final class Counter {

        private final String key;
        private final String label;
        private long tickets;
        private long excluded;
        private long cancelled;
        private long billable;
        private final Target response = new Target();
        private final Target resolution = new Target();

        Counter(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(TicketEntity ticket, SlaView view) {
            tickets++;
            if (ticket.billable()) {
                billable++;
            }
            if (ticket.exclusion != null) {
                excluded++;
                return;
            }
            if (ticket.status == TicketStatus.CANCELLED) {
                cancelled++;
                return;
            }
            response.add(view.response());
            resolution.add(view.resolution());
        }

        SlaReportRow row() {
            return new SlaReportRow(key, label, tickets, excluded, cancelled, billable, response.figures(),
                    resolution.figures());
        }
    }

    static final class Target {

        private long met;
        private long breached;
        private long open;
        private Duration decidedElapsed = Duration.ZERO;

        void add(TargetView target) {
            boolean decided = target.metAt() != null || target.status() == TargetStatus.BREACHED;
            if (target.status() == TargetStatus.MET) {
                met++;
            } else if (target.status() == TargetStatus.BREACHED) {
                breached++;
            } else if (target.status() != TargetStatus.NOT_APPLICABLE) {
                open++;
            }
            if (decided) {
                decidedElapsed = decidedElapsed.plus(target.elapsed());
            }
        }

        SlaReportRow.TargetFigures figures() {
            long decided = met + breached;
            return new SlaReportRow.TargetFigures(met, breached, open, decided == 0 ? null : (double) met / decided,
                    decided == 0 ? null : decidedElapsed.dividedBy(decided).withNanos(0));
        }
    }
}
