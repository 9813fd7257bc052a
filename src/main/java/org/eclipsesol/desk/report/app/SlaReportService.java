package org.eclipsesol.desk.report.app;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Enums;
import org.eclipsesol.desk.common.Instants;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.SlaCalculator;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TargetView;
import org.eclipsesol.desk.sla.engine.TargetDefinition;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketSlaService;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.hibernate.Session;

/**
 * SLA reports over the tickets opened in a period. What is decided for good is stored on the ticket row when it is
 * decided (V10: per target met on time or late, clock and calendar time to the met moment) and aggregated in one SQL
 * statement ({@code GROUP BY GROUPING SETS}, {@code FILTER}, {@code percentile_cont}); only the targets not met yet
 * (tickets still open, and rows the figures backfill has not reached) are evaluated live by the SLA engine, so the
 * figures equal an evaluation of every ticket at "now". Supervisors and technicians see everything; a client only
 * their organization's tickets.
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

    public enum Interval {
        DAY,
        WEEK,
        MONTH
    }

    /** A report spans at most this much. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    private static final int FETCH = 2000;
    private static final String WHOLE = "";
    /** The group key (and label) of the tickets without an assignee: the live statements and the rollup use it alike. */
    static final String UNASSIGNED = "UNASSIGNED";
    private static final String UNASSIGNED_LABEL = "Unassigned";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SlaPolicies policies;

    @Inject
    TicketSlaService sla;

    @Inject
    SlaCalculator calculator;

    @Transactional
    public SlaReport report(Caller caller, String fromText, String toText, String groupByText) {
        return report(caller, fromText, toText, groupByText, null);
    }

    @Transactional
    public SlaReport report(Caller caller, String fromText, String toText, String groupByText, String intervalText) {
        return report(caller, fromText, toText, groupByText, intervalText, clock.instant());
    }

    /** The report as it stands at {@code now} (the other overloads use the clock's now). */
    @Transactional
    public SlaReport report(Caller caller, String fromText, String toText, String groupByText, String intervalText,
            Instant now) {
        caller.requireTicketUser();
        Session session = em.unwrap(Session.class);
        // one snapshot for every statement: a ticket rolled (or unrolled) meanwhile is counted once, in the rollup or
        // live, never in both (must come before the transaction's first query)
        session.doWork(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("set transaction isolation level repeatable read");
            }
        });
        GroupBy groupBy = groupByText == null || groupByText.isBlank()
                ? GroupBy.PRIORITY
                : Enums.parse(GroupBy.class, groupByText.trim().toUpperCase(), "groupBy");
        Interval interval = intervalText == null || intervalText.isBlank()
                ? null
                : Enums.parse(Interval.class, intervalText.trim().toUpperCase(), "interval");
        ZoneId zone = policies.policyInForceAt(now).zone();
        Instant to = toText == null || toText.isBlank() ? now : parse(toText, "to", zone);
        Instant from = fromText == null || fromText.isBlank() ? to.minus(Duration.ofDays(30)) : parse(fromText, "from", zone);
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalid("to", "a report spans at most 366 days");
        }
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        buckets.put(WHOLE, new Bucket(from, to));
        if (interval != null) {
            for (LocalDate start = periodStart(LocalDate.ofInstant(from, zone), interval); start.atStartOfDay(zone)
                    .toInstant().isBefore(to); start = next(start, interval)) {
                Instant a = start.atStartOfDay(zone).toInstant();
                Instant b = next(start, interval).atStartOfDay(zone).toInstant();
                buckets.put(start.toString(), new Bucket(a.isBefore(from) ? from : a, b.isAfter(to) ? to : b));
            }
        }
        session.doWork(connection -> {
            Rolled rolled = rolledDays(connection, caller, zone, from, to);
            try (Statement settings = connection.createStatement()) {
                // this transaction only: the period's sorts (percentiles) stay in memory, and no JIT compilation (it
                // cost seconds per report at a million rows and saves nothing on these statements)
                settings.execute("set local work_mem = '64MB'");
                settings.execute("set local jit = off");
                // the period's bounds decide the plan (index range or not): never a generic plan of the prepared statement
                settings.execute("set local plan_cache_mode = force_custom_plan");
            }
            if (rolled != null && !addRollup(connection, groupBy, interval, zone, to, buckets, rolled)) {
                rolled = null; // nothing rolled in these days: every ticket is read live, percentiles exact
            }
            aggregateDecided(connection, caller, groupBy, interval, zone, from, to, now, buckets, rolled);
            if (rolled != null) {
                addLiveHistograms(connection, caller, groupBy, interval, zone, from, to, buckets, rolled);
            }
            extendBreached(connection, caller, groupBy, interval, zone, from, to, now, buckets);
            evaluateOpen(connection, caller, groupBy, interval, zone, from, to, now, buckets);
            if (rolled != null) {
                // the rollup and the live statements keyed their groups without labels
                Map<String, String> labels = labels(connection, groupBy);
                buckets.values().forEach(b -> b.rows.values().forEach(c -> c.label = labels.getOrDefault(c.key, c.label)));
            }
        });
        Bucket whole = buckets.get(WHOLE);
        List<SlaReport.Period> series = new ArrayList<>();
        buckets.forEach((k, b) -> {
            if (!k.equals(WHOLE)) {
                series.add(new SlaReport.Period(b.from, b.to, b.rows(), b.total.row()));
            }
        });
        return new SlaReport(from, to, groupBy.name(), interval == null ? null : interval.name(), whole.rows(),
                whole.total.row(), series);
    }

    private static LocalDate periodStart(LocalDate date, Interval interval) {
        return switch (interval) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate start, Interval interval) {
        return switch (interval) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /**
     * Group key and label of a ticket row {@code t}; with the rollup the label is the key (the groups are labelled
     * from {@code labels} at the end, as the rollup's own are), so the live statements need no joins.
     */
    private static String[] keySql(GroupBy groupBy, Rolled rolled) {
        String[] key = keySql(groupBy);
        return rolled == null ? key : new String[] { key[0], key[0] };
    }

    /** Group key and label of a ticket row {@code t} (joined with organization {@code o} and app_user {@code u}). */
    private static String[] keySql(GroupBy groupBy) {
        return switch (groupBy) {
            case PRIORITY -> new String[] { "t.priority", "t.priority" };
            case SERVICE -> new String[] { "t.service", "t.service" };
            case CATEGORY -> new String[] { "t.category", "t.category" };
            case ORGANIZATION -> new String[] { "t.organization_id::text", "o.name" };
            case ASSIGNEE -> new String[] { "coalesce(t.assignee_id, '" + UNASSIGNED + "')",
                    "case when t.assignee_id is null then '" + UNASSIGNED_LABEL + "' else coalesce(u.name, u.id) end" };
        };
    }

    private static String periodSql(Interval interval, List<Object> args, ZoneId zone) {
        if (interval == null) {
            return "''";
        }
        args.add(interval.name().toLowerCase());
        args.add(zone.getId());
        return "to_char(date_trunc(?, t.opened_at at time zone ?), 'YYYY-MM-DD')";
    }

    /** The tickets {@code t} opened in the period, joined with what the group's label needs (o, u). */
    private static String from(Caller caller, GroupBy groupBy, List<Object> args, Instant from, Instant to) {
        return from(caller, groupBy, args, from, to, null);
    }

    /**
     * The same, without the tickets of {@code rolled}'s days that the rollup holds (if not null): the ones not rolled
     * (index ticket_report_unrolled_idx), and those of the partial days at the period's edges.
     */
    private static String from(Caller caller, GroupBy groupBy, List<Object> args, Instant from, Instant to,
            Rolled rolled) {
        String join = rolled != null ? "" : switch (groupBy) {
            case ORGANIZATION -> " join organization o on o.id = t.organization_id";
            case ASSIGNEE -> " left join app_user u on u.id = t.assignee_id";
            default -> "";
        };
        String source = "ticket";
        if (rolled != null) {
            source = "(select * from ticket where not report_rolled union all select * from ticket"
                    + " where report_rolled and (opened_at < ? or opened_at >= ?))";
            args.add(OffsetDateTime.ofInstant(rolled.start(), ZoneOffset.UTC));
            args.add(OffsetDateTime.ofInstant(rolled.end(), ZoneOffset.UTC));
        }
        String sql = " from " + source + " t" + join + " where " + TicketAccess.nativeVisibility(caller, "t", args)
                + " and t.opened_at >= ? and t.opened_at < ?";
        args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        return sql;
    }

    /** The whole days of the report that the rollup answers for: [start, end) at the zone's midnights. */
    record Rolled(Instant start, Instant end, LocalDate firstDay, LocalDate endDay) {
    }

    /**
     * Whether the rollup takes part: for staff (it is not kept per organization; a client's report reads their
     * tickets live), when it is keyed by the report's zone and the period holds a whole day.
     */
    private static Rolled rolledDays(Connection connection, Caller caller, ZoneId zone, Instant from, Instant to)
            throws SQLException {
        if (caller.isClientOnly()) {
            return null;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select zone from report_rollup_state where id = 1")) {
            if (!rs.next() || !zone.getId().equals(rs.getString(1))) {
                return null;
            }
        }
        LocalDate first = LocalDate.ofInstant(from, zone);
        if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
            first = first.plusDays(1);
        }
        LocalDate end = LocalDate.ofInstant(to, zone);
        if (!first.isBefore(end)) {
            return null;
        }
        return new Rolled(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), first, end);
    }

    /** Labels of the groups that only the rollup knows (it keeps keys). */
    private static Map<String, String> labels(Connection connection, GroupBy groupBy) throws SQLException {
        Map<String, String> labels = new HashMap<>();
        String sql = switch (groupBy) {
            case ORGANIZATION -> "select id::text, name from organization";
            case ASSIGNEE -> "select id, coalesce(name, id) from app_user";
            default -> null;
        };
        if (sql != null) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    labels.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        labels.put(UNASSIGNED, UNASSIGNED_LABEL);
        return labels;
    }

    /**
     * Adds the rollup's days (less the rolled tickets that changed since, queued in report_unrolled: they are read
     * live now) and the backlog of the rolled tickets still unresolved at the report's end.
     */
    private static boolean addRollup(Connection connection, GroupBy groupBy, Interval interval, ZoneId zone, Instant to,
            Map<String, Bucket> buckets, Rolled rolled) throws SQLException {
        boolean found = false;
        try (PreparedStatement read = connection.prepareStatement("select group_key, day, " + ReportRollup.FIGURES
                + " from report_rollup where dim = ? and day >= ? and day < ?")) {
            read.setString(1, groupBy.name());
            read.setObject(2, rolled.firstDay());
            read.setObject(3, rolled.endDay());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    found = true;
                    ReportRollup.Figures figures = ReportRollup.Figures.read(rs, 3);
                    String key = rs.getString(1);
                    for (Counter c : counters(buckets, interval, key, key,
                            dayPeriod(rs.getObject(2, LocalDate.class), interval))) {
                        c.add(figures, 1);
                    }
                }
            }
        }
        if (!found) {
            return false;
        }
        try (PreparedStatement queued = connection.prepareStatement("select " + ReportRollup.COLUMNS
                + " from report_unrolled t where t.opened_at >= ? and t.opened_at < ?")) {
            queued.setObject(1, OffsetDateTime.ofInstant(rolled.start(), ZoneOffset.UTC));
            queued.setObject(2, OffsetDateTime.ofInstant(rolled.end(), ZoneOffset.UTC));
            try (ResultSet rs = queued.executeQuery()) {
                while (rs.next()) {
                    ReportRollup.Contribution old = ReportRollup.Contribution.read(rs, 1);
                    String key = old.key(groupBy);
                    for (Counter c : counters(buckets, interval, key, key,
                            dayPeriod(LocalDate.ofInstant(old.openedAt(), zone), interval))) {
                        c.add(old.figures(), -1);
                    }
                }
            }
        }
        try (PreparedStatement backlog = connection.prepareStatement("select " + keySql(groupBy)[0]
                + ", t.opened_at from ticket t"
                + " where t.report_rolled and " + ReportRollup.BACKLOG_UNTIL + " >= ?"
                + " and t.opened_at >= ? and t.opened_at < ?")) {
            backlog.setObject(1, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            backlog.setObject(2, OffsetDateTime.ofInstant(rolled.start(), ZoneOffset.UTC));
            backlog.setObject(3, OffsetDateTime.ofInstant(rolled.end(), ZoneOffset.UTC));
            backlog.setFetchSize(FETCH);
            try (ResultSet rs = backlog.executeQuery()) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    LocalDate day = LocalDate.ofInstant(rs.getObject(2, OffsetDateTime.class).toInstant(), zone);
                    counters(buckets, interval, k, k, dayPeriod(day, interval))
                            .forEach(c -> c.backlog++);
                }
            }
        }
        return true;
    }

    /** The series key of the period a day belongs to (as periodSql gives it), or "" without a series. */
    private static String dayPeriod(LocalDate day, Interval interval) {
        return interval == null ? WHOLE : periodStart(day, interval).toString();
    }

    /**
     * The live tickets' decided times as histograms, when the rollup takes part in the report: the percentiles then
     * come from the merged histograms (within 5 %; a report the rollup has nothing for keeps the exact ones).
     */
    private static void addLiveHistograms(Connection connection, Caller caller, GroupBy groupBy, Interval interval,
            ZoneId zone, Instant from, Instant to, Map<String, Bucket> buckets, Rolled rolled) throws SQLException {
        List<Object> args = new ArrayList<>();
        String[] key = keySql(groupBy, rolled);
        String period = periodSql(interval, args, zone);
        String eligible = "t.exclusion is null and t.status <> 'CANCELLED' and t.sla_figures_version = 1";
        String inner = "select " + key[0] + " as k, " + key[1] + " as lbl, " + period + " as p,"
                + " case when " + eligible + " and t.sla_response_on_time is not null then t.sla_response_elapsed_us end as v0,"
                + " case when " + eligible
                + " and t.sla_response_on_time is not null then t.sla_response_calendar_us end as v1,"
                + " case when " + eligible
                + " and t.sla_resolution_on_time is not null then t.sla_resolution_elapsed_us end as v2,"
                + " case when " + eligible
                + " and t.sla_resolution_on_time is not null then t.sla_resolution_calendar_us end as v3"
                + from(caller, groupBy, args, from, to, rolled);
        // the bucket as ReportRollup.Histogram.bucket computes it (log base 1.05 of seconds); one pass, one hash table
        // per measure (grouping sets), 2.5 times faster than a row per value and measure
        StringBuilder buckets4 = new StringBuilder();
        for (int m = 0; m < 4; m++) {
            buckets4.append(m == 0 ? "" : ", ").append("case when y.v").append(m).append(" is null then null when y.v")
                    .append(m)
                    .append(" < 1000000 then 0 else least(")
                    .append(ReportRollup.Histogram.BUCKETS - 1).append(", 1 + floor(ln(y.v").append(m)
                    .append(" / 1e6::float8) / ln(1.05::float8))::int) end as b").append(m);
        }
        String sql = "select x.k, max(x.lbl), x.p, grouping(x.b0, x.b1, x.b2, x.b3), x.b0, x.b1, x.b2, x.b3, count(*)"
                + " from (select y.k, y.lbl, y.p, " + buckets4 + " from (" + inner + ") y) x"
                + " group by grouping sets ((x.k, x.p, x.b0), (x.k, x.p, x.b1), (x.k, x.p, x.b2), (x.k, x.p, x.b3))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    // grouping(): a bit per bucket column left out of the set, b0 the highest; the one kept is the measure
                    int measure = 3 - Integer.numberOfTrailingZeros(~rs.getInt(4) & 0xF);
                    Object b = rs.getObject(5 + measure);
                    if (b == null) {
                        continue; // the rows without that measure
                    }
                    long n = rs.getLong(9);
                    for (Counter c : counters(buckets, interval, rs.getString(1), rs.getString(2), rs.getString(3))) {
                        c.histograms()[measure].addBucket(((Number) b).intValue(), n);
                    }
                }
            }
        }
    }

    /** Counts, backlog, reopened, and the stored decided figures per group, per period, and in total: one statement. */
    private static void aggregateDecided(Connection connection, Caller caller, GroupBy groupBy, Interval interval,
            ZoneId zone, Instant from, Instant to, Instant now, Map<String, Bucket> buckets, Rolled rolled)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        String[] key = keySql(groupBy, rolled);
        String period = periodSql(interval, args, zone);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        args.add(end);
        args.add(end);
        args.add(at);
        args.add(at);
        String inner = "select " + key[0] + " as k, " + key[1] + " as lbl, " + period + " as p,"
                + " (t.exclusion is null and t.status <> 'CANCELLED') as eligible,"
                + " t.exclusion is not null as excluded,"
                + " (t.exclusion is null and t.status = 'CANCELLED') as cancelled,"
                + " (t.out_of_scope or t.exclusion is not null) as billable,"
                + " ((t.status <> 'CANCELLED' or t.closed_at >= ?)"
                + "   and (coalesce(t.sla_resolution_met_at, t.resolved_at) is null"
                + "        or coalesce(t.sla_resolution_met_at, t.resolved_at) >= ?)"
                + "   ) as backlog,"
                + " t.reopen_count > 0 as reopened, t.sla_figures_version = 1 as stored,"
                + " t.sla_response_on_time as r_on, t.sla_response_elapsed_us as r_el, t.sla_response_calendar_us as r_cal,"
                + " t.sla_resolution_on_time as s_on, t.sla_resolution_elapsed_us as s_el,"
                + " t.sla_resolution_calendar_us as s_cal, t.satisfaction_rating as sat,"
                + " (t.sla_evaluated_at is not null and (" + notBreached("response") + ")) as r_quick,"
                + " (t.sla_evaluated_at is not null and (" + notBreached("resolution") + ")) as s_quick"
                + from(caller, groupBy, args, from, to, rolled);
        StringBuilder sql = new StringBuilder("select grouping(k) as gk, ")
                .append(interval == null ? "1" : "grouping(p)").append(" as gp, max(p), k, max(lbl) as lbl, count(*),")
                .append(" count(*) filter (where excluded), count(*) filter (where cancelled),")
                .append(" count(*) filter (where billable), count(*) filter (where backlog),")
                .append(" count(*) filter (where reopened), count(*) filter (where sat = 'GOOD'),")
                .append(" count(*) filter (where sat = 'BAD')");
        for (String target : new String[] { "r", "s" }) {
            String decided = "eligible and stored and " + target + "_on is not null";
            sql.append(", count(*) filter (where ").append(decided).append(" and ").append(target).append("_on)")
                    .append(", count(*) filter (where ").append(decided).append(" and not ").append(target).append("_on)")
                    .append(", sum(").append(target).append("_el) filter (where ").append(decided).append(")")
                    .append(", count(*) filter (where eligible and stored and ").append(target).append("_on is null and ")
                    .append(target).append("_quick)");
            // both shares from one ordered-set call: one sort of the values per measure and group instead of two; none
            // when the rollup takes part (its histograms give them)
            for (String measure : rolled != null ? new String[0] : new String[] { "_el", "_cal" }) {
                sql.append(", percentile_cont(array[0.5, 0.9]) within group (order by ").append(target).append(measure)
                        .append(") filter (where ").append(decided).append(")");
            }
        }
        sql.append(" from (").append(inner).append(") x group by grouping sets ((k), ()")
                .append(interval == null ? "" : ", (p, k), (p)").append(")");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    boolean total = rs.getInt(1) == 1;
                    boolean whole = rs.getInt(2) == 1;
                    Bucket bucket = buckets.get(whole ? WHOLE : rs.getString(3));
                    if (bucket == null) {
                        continue;
                    }
                    Counter counter = total ? bucket.total : bucket.row(rs.getString(4), rs.getString(5));
                    int c = 6;
                    counter.tickets += rs.getLong(c++);
                    counter.excluded += rs.getLong(c++);
                    counter.cancelled += rs.getLong(c++);
                    counter.billable += rs.getLong(c++);
                    counter.backlog += rs.getLong(c++);
                    counter.reopened += rs.getLong(c++);
                    counter.good += rs.getLong(c++);
                    counter.bad += rs.getLong(c++);
                    for (Target target : new Target[] { counter.response, counter.resolution }) {
                        target.met += rs.getLong(c++);
                        target.breached += rs.getLong(c++);
                        BigDecimal sum = rs.getBigDecimal(c++);
                        if (sum != null) {
                            target.elapsedNanos = target.elapsedNanos
                                    .add(sum.toBigInteger().multiply(BigInteger.valueOf(1000)));
                        }
                        target.open += rs.getLong(c++);
                        if (rolled != null) {
                            continue; // the percentiles come from the histograms
                        }
                        Duration[] elapsed = percentiles(rs, c++);
                        target.medianElapsed = elapsed[0];
                        target.p90Elapsed = elapsed[1];
                        Duration[] calendar = percentiles(rs, c++);
                        target.medianCalendar = calendar[0];
                        target.p90Calendar = calendar[1];
                    }
                }
            }
        }
    }

    /**
     * SQL: an unmet target that is certainly not breached at {@code now} (parameter): paused (a paused target stays as
     * it was evaluated), or running with its due moment still ahead. Its status is open whatever the engine would say of
     * ON_TRACK or AT_RISK, so it needs no evaluation.
     */
    private static String notBreached(String target) {
        String column = "t.sla_" + target;
        return column + "_status = 'PAUSED' or (" + column + "_status in ('ON_TRACK', 'AT_RISK') and " + column
                + "_due_at > ?)";
    }

    /**
     * Unmet targets the last evaluation saw that may be breached by now: their clock time is what that evaluation
     * counted plus, if the clocks ran, the clock time since (nothing changed since, or the ticket would have been
     * evaluated again); no history is read. Breached if that reaches the target, else open.
     */
    private void extendBreached(Connection connection, Caller caller, GroupBy groupBy, Interval interval, ZoneId zone,
            Instant from, Instant to, Instant now, Map<String, Bucket> buckets) throws SQLException {
        List<Object> args = new ArrayList<>();
        String[] key = keySql(groupBy);
        String period = periodSql(interval, args, zone);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        args.add(at);
        args.add(at);
        String sql = "select " + key[0] + ", " + key[1] + ", " + period + ", t.policy_version, t.priority,"
                + " t.organization_id, t.response_override_seconds, t.resolution_override_seconds, t.sla_evaluated_at,"
                + " t.sla_running, t.sla_response_on_time is null and not coalesce(" + notBreached("response") + ", false),"
                + " t.sla_response_elapsed_at_us,"
                + " t.sla_resolution_on_time is null and not coalesce(" + notBreached("resolution") + ", false),"
                + " t.sla_resolution_elapsed_at_us"
                + from(caller, groupBy, args, from, to)
                + " and t.exclusion is null and t.status <> 'CANCELLED' and t.sla_figures_version = 1"
                + " and t.sla_evaluated_at is not null"
                + " and ((t.sla_response_on_time is null and not coalesce(" + notBreached("response") + ", false))"
                + "   or (t.sla_resolution_on_time is null and not coalesce(" + notBreached("resolution") + ", false)))";
        args.add(at);
        args.add(at);
        Map<UUID, OrganizationEntity> organizations = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    OrganizationEntity org = organizations.computeIfAbsent(rs.getObject(6, UUID.class),
                            id -> em.find(OrganizationEntity.class, id));
                    SlaCalculator.ResolvedTargets targets = calculator.targetsFor(policies.policy(rs.getInt(4)),
                            Priority.valueOf(rs.getString(5)), org, (Long) rs.getObject(7), (Long) rs.getObject(8));
                    Instant evaluatedAt = rs.getObject(9, OffsetDateTime.class).toInstant();
                    boolean running = rs.getBoolean(10);
                    List<Counter> counters = counters(buckets, interval, rs.getString(1), rs.getString(2), rs.getString(3));
                    if (rs.getBoolean(11)) {
                        Duration elapsed = extended(rs.getLong(12), running, targets.response(), evaluatedAt, now);
                        counters.forEach(c -> c.response.addExtended(elapsed, targets.response().target()));
                    }
                    if (rs.getBoolean(13)) {
                        Duration elapsed = extended(rs.getLong(14), running, targets.resolution(), evaluatedAt, now);
                        counters.forEach(c -> c.resolution.addExtended(elapsed, targets.resolution().target()));
                    }
                }
            }
        }
    }

    private static Duration extended(long elapsedMicros, boolean running, TargetDefinition target, Instant evaluatedAt,
            Instant now) {
        Duration elapsed = Duration.of(elapsedMicros, ChronoUnit.MICROS);
        if (!running) {
            return elapsed;
        }
        // an evaluation after "now" (the monitor's, committed while this report runs) changed no phase: count back
        return evaluatedAt.isAfter(now) ? elapsed.minus(target.clock().clockTimeBetween(now, evaluatedAt))
                : elapsed.plus(target.clock().clockTimeBetween(evaluatedAt, now));
    }

    private static List<Counter> counters(Map<String, Bucket> buckets, Interval interval, String key, String label,
            String period) {
        Bucket whole = buckets.get(WHOLE);
        List<Counter> counters = new ArrayList<>(4);
        counters.add(whole.total);
        counters.add(whole.row(key, label));
        Bucket bucket = interval == null ? null : buckets.get(period);
        if (bucket != null) {
            counters.add(bucket.total);
            counters.add(bucket.row(key, label));
        }
        return counters;
    }

    /**
     * The targets not decided for good (tickets still open, rows without stored figures) evaluated by the SLA engine
     * at {@code now}, streamed, and added to their group, period and total.
     */
    private void evaluateOpen(Connection connection, Caller caller, GroupBy groupBy, Interval interval, ZoneId zone,
            Instant from, Instant to, Instant now, Map<String, Bucket> buckets) throws SQLException {
        List<Object> args = new ArrayList<>();
        String[] key = keySql(groupBy);
        String period = periodSql(interval, args, zone);
        String sql = "select " + key[0] + ", " + key[1] + ", " + period + ", t.id, t.policy_version, t.priority,"
                + " t.organization_id, t.response_override_seconds, t.resolution_override_seconds, t.opened_at,"
                + " t.phase_log::text, t.first_response_at, t.sla_final, t.status, t.sla_figures_version = 1,"
                + " t.sla_response_on_time is not null, t.sla_resolution_on_time is not null, t.override_reason"
                + from(caller, groupBy, args, from, to)
                + " and t.exclusion is null and t.status <> 'CANCELLED'"
                + " and (t.sla_figures_version = 0 or (t.sla_evaluated_at is null"
                + " and (t.sla_response_on_time is null or t.sla_resolution_on_time is null)))";
        Map<UUID, OrganizationEntity> organizations = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    TicketEntity t = new TicketEntity();
                    t.id = rs.getObject(4, UUID.class);
                    t.policyVersion = rs.getInt(5);
                    t.priority = Priority.valueOf(rs.getString(6));
                    t.organization = organizations.computeIfAbsent(rs.getObject(7, UUID.class),
                            id -> em.find(OrganizationEntity.class, id));
                    t.responseOverrideSeconds = (Long) rs.getObject(8);
                    t.resolutionOverrideSeconds = (Long) rs.getObject(9);
                    t.openedAt = rs.getObject(10, OffsetDateTime.class).toInstant();
                    t.phaseLog = rs.getString(11);
                    OffsetDateTime responded = rs.getObject(12, OffsetDateTime.class);
                    t.firstResponseAt = responded == null ? null : responded.toInstant();
                    t.slaFinal = rs.getString(13);
                    t.status = TicketStatus.valueOf(rs.getString(14));
                    t.overrideReason = rs.getString(18);
                    boolean stored = rs.getBoolean(15);
                    boolean responseStored = stored && rs.getBoolean(16);
                    boolean resolutionStored = stored && rs.getBoolean(17);
                    // version 1 rows reach here only without an evaluation (not made by refresh): nothing else counted them
                    SlaView view = sla.view(t, now);
                    Bucket whole = buckets.get(WHOLE);
                    List<Counter> counters = new ArrayList<>(4);
                    counters.add(whole.total);
                    counters.add(whole.row(rs.getString(1), rs.getString(2)));
                    Bucket bucket = interval == null ? null : buckets.get(rs.getString(3));
                    if (bucket != null) {
                        counters.add(bucket.total);
                        counters.add(bucket.row(rs.getString(1), rs.getString(2)));
                    }
                    for (Counter counter : counters) {
                        if (!responseStored) {
                            counter.response.addLive(view.response());
                        }
                        if (!resolutionStored) {
                            counter.resolution.addLive(view.resolution());
                        }
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }

    /** The median and 90th percentile of {@code percentile_cont(array[0.5, 0.9])} (microseconds), nulls if none. */
    private static Duration[] percentiles(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        Duration[] shares = new Duration[2];
        if (array != null) {
            Object[] values = (Object[]) array.getArray();
            for (int i = 0; i < shares.length; i++) {
                if (values[i] != null) {
                    shares[i] = Duration.of(((Number) values[i]).longValue(), ChronoUnit.MICROS).withNanos(0);
                }
            }
        }
        return shares;
    }

    /** An instant with offset, or a date meaning its start in the policy's time zone. */
    private static Instant parse(String text, String field, ZoneId zone) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return Instants.inRange(field, LocalDate.parse(value).atStartOfDay(zone).toInstant());
            }
            return Instants.inRange(field, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (2026-11-01) or an ISO-8601 instant with offset");
        }
    }

    /** The whole period or one period of a series: its groups (sorted by key) and total. */
    static final class Bucket {

        final Instant from;
        final Instant to;
        final Map<String, Counter> rows = new TreeMap<>();
        final Counter total = new Counter("TOTAL", "All tickets");

        Bucket(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        Counter row(String key, String label) {
            return rows.computeIfAbsent(key, k -> new Counter(k, label));
        }

        List<SlaReportRow> rows() {
            List<SlaReportRow> list = new ArrayList<>();
            rows.values().forEach(c -> list.add(c.row()));
            return list;
        }
    }

    /** Counts of one group. */
    static final class Counter {

        private final String key;
        private String label;
        long tickets;
        long excluded;
        long cancelled;
        long billable;
        long backlog;
        long reopened;
        long good;
        long bad;
        final Target response = new Target();
        final Target resolution = new Target();
        /** Set when the rollup takes part in the report: the percentiles then come from these (see addLiveHistograms). */
        ReportRollup.Histogram[] histograms;

        Counter(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(ReportRollup.Figures f, int sign) {
            long[] v = f.counts;
            tickets += sign * v[ReportRollup.Figures.TICKETS];
            excluded += sign * v[ReportRollup.Figures.EXCLUDED];
            cancelled += sign * v[ReportRollup.Figures.CANCELLED];
            billable += sign * v[ReportRollup.Figures.BILLABLE];
            reopened += sign * v[ReportRollup.Figures.REOPENED];
            good += sign * v[ReportRollup.Figures.GOOD];
            bad += sign * v[ReportRollup.Figures.BAD];
            response.add(sign, v[ReportRollup.Figures.R_MET], v[ReportRollup.Figures.R_BREACHED],
                    v[ReportRollup.Figures.R_EL_SUM]);
            resolution.add(sign, v[ReportRollup.Figures.S_MET], v[ReportRollup.Figures.S_BREACHED],
                    v[ReportRollup.Figures.S_EL_SUM]);
            for (int i = 0; i < f.histograms.length; i++) {
                histograms()[i].add(f.histograms[i], sign);
            }
        }

        ReportRollup.Histogram[] histograms() {
            if (histograms == null) {
                histograms = ReportRollup.Histogram.perMeasure();
            }
            return histograms;
        }

        SlaReportRow row() {
            if (histograms != null) {
                response.percentilesFrom(histograms[ReportRollup.Figures.R_EL], histograms[ReportRollup.Figures.R_CAL]);
                resolution.percentilesFrom(histograms[ReportRollup.Figures.S_EL], histograms[ReportRollup.Figures.S_CAL]);
            }
            return new SlaReportRow(key, label, tickets, excluded, cancelled, billable, backlog, reopened,
                    response.figures(), resolution.figures(),
                    new SlaReportRow.Satisfaction(good, bad, good + bad == 0 ? null : (double) good / (good + bad)));
        }
    }

    /** One target's figures: the stored decided ones from SQL plus the live ones. */
    static final class Target {

        long met;
        long breached;
        long open;
        BigInteger elapsedNanos = BigInteger.ZERO;
        Duration medianElapsed;
        Duration p90Elapsed;
        Duration medianCalendar;
        Duration p90Calendar;

        void add(int sign, long metCount, long breachedCount, long elapsedMicrosSum) {
            met += sign * metCount;
            breached += sign * breachedCount;
            elapsedNanos = elapsedNanos.add(BigInteger.valueOf(sign * elapsedMicrosSum).multiply(BigInteger.valueOf(1000)));
        }

        void percentilesFrom(ReportRollup.Histogram elapsed, ReportRollup.Histogram calendar) {
            medianElapsed = elapsed.percentile(0.5);
            p90Elapsed = elapsed.percentile(0.9);
            medianCalendar = calendar.percentile(0.5);
            p90Calendar = calendar.percentile(0.9);
        }

        void addLive(TargetView target) {
            boolean decided = target.metAt() != null || target.status() == TargetStatus.BREACHED;
            if (target.status() == TargetStatus.MET) {
                met++;
            } else if (target.status() == TargetStatus.BREACHED) {
                breached++;
            } else if (target.status() != TargetStatus.NOT_APPLICABLE) {
                open++;
            }
            if (decided) {
                Duration e = target.elapsed();
                elapsedNanos = elapsedNanos.add(BigInteger.valueOf(e.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                        .add(BigInteger.valueOf(e.getNano())));
            }
        }

        /** An unmet target whose clock time is known: breached once it reaches the target, else still open. */
        void addExtended(Duration elapsed, Duration target) {
            if (elapsed.compareTo(target) >= 0) {
                breached++;
                elapsedNanos = elapsedNanos.add(BigInteger.valueOf(elapsed.getSeconds())
                        .multiply(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(elapsed.getNano())));
            } else {
                open++;
            }
        }

        SlaReportRow.TargetFigures figures() {
            long decided = met + breached;
            Duration average = null;
            if (decided > 0) {
                BigInteger seconds = elapsedNanos.divide(BigInteger.valueOf(decided))
                        .divide(BigInteger.valueOf(1_000_000_000L));
                average = Duration.ofSeconds(seconds.longValueExact());
            }
            return new SlaReportRow.TargetFigures(met, breached, open, decided == 0 ? null : (double) met / decided, average,
                    medianElapsed, p90Elapsed, medianCalendar, p90Calendar);
        }
    }
}
