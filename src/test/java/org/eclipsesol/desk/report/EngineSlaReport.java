package org.eclipsesol.desk.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.report.app.SlaReportService.GroupBy;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TargetView;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketSlaService;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * The SLA report as it was computed before the figures were stored (test only, the reference the new report is
 * compared with): every ticket opened in the period paged through Hibernate and evaluated by the SLA engine (closed
 * ones with their frozen figures), then counted per group.
 */
@ApplicationScoped
public class EngineSlaReport {

    /** One group's figures: tickets, excluded, cancelled, billable, then per target met, breached, open, average. */
    public record Row(String key, String label, long tickets, long excluded, long cancelled, long billable, long rMet,
            long rBreached, long rOpen, Duration rAverage, long sMet, long sBreached, long sOpen, Duration sAverage) {
    }

    @Inject
    EntityManager em;

    @Inject
    TicketSlaService sla;

    /** Rows sorted by key, then the total. */
    @Transactional
    public List<Row> report(Caller caller, Instant from, Instant to, GroupBy groupBy, Instant now) {
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
            var query = em.createQuery("select t from TicketEntity t join fetch t.organization left join fetch t.assignee"
                    + " where " + where + " order by t.number", TicketEntity.class);
            params.forEach(query::setParameter);
            page = query.setFirstResult(offset).setMaxResults(500).getResultList();
            for (TicketEntity ticket : page) {
                SlaView view = sla.view(ticket, now);
                String[] k = key.apply(ticket);
                groups.computeIfAbsent(k[0], x -> new Counter(k[0], k[1])).add(ticket, view);
                total.add(ticket, view);
            }
            offset += page.size();
            em.clear();
        } while (page.size() == 500);
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(c -> rows.add(c.row()));
        rows.add(total.row());
        return rows;
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

    static final class Counter {

        final String key;
        final String label;
        long tickets;
        long excluded;
        long cancelled;
        long billable;
        final Target response = new Target();
        final Target resolution = new Target();

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

        Row row() {
            return new Row(key, label, tickets, excluded, cancelled, billable, response.met, response.breached,
                    response.open, response.average(), resolution.met, resolution.breached, resolution.open,
                    resolution.average());
        }
    }

    static final class Target {

        long met;
        long breached;
        long open;
        Duration decidedElapsed = Duration.ZERO;

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

        Duration average() {
            long decided = met + breached;
            return decided == 0 ? null : decidedElapsed.dividedBy(decided).withNanos(0);
        }
    }
}
