package org.eclipsesol.desk.report.app;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.report.app.SlaReportService.GroupBy;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The report rollup (V11, docs/decisions.md "Report rollup"): per groupBy dimension, group key and day (in the policy's
 * zone), what the settled tickets opened that day add to the SLA report: counts, decided figures and log histograms of
 * the decided clock and calendar times. A ticket is rolled once nothing about it is expected to change (closed or
 * cancelled more than {@link #SETTLED_AFTER} ago, figures stored, both targets decided unless it is not eligible);
 * when a rolled ticket changes after all, a trigger queues its old state in {@code report_unrolled} and marks it
 * unrolled in the same transaction, so the report (which subtracts the queue) stays exact at every moment. One
 * replica rolls at a time (a transaction-level advisory lock).
 */
@ApplicationScoped
public class ReportRollup {

    /** After the 7-day rating window and a day's margin, a closed ticket is settled. */
    static final Duration SETTLED_AFTER = Duration.ofDays(8);
    static final int BATCH = 5000;
    private static final long LOCK = 0x5eed_0011L;

    /** The columns a ticket's contribution is read from, on {@code ticket} and on {@code report_unrolled} alike. */
    static final String COLUMNS = "t.opened_at, t.priority, t.service, t.category, t.organization_id::text,"
            + " t.assignee_id, t.exclusion, t.status, t.out_of_scope, t.reopen_count, t.satisfaction_rating,"
            + " t.sla_figures_version, t.sla_response_on_time, t.sla_response_elapsed_us, t.sla_response_calendar_us,"
            + " t.sla_resolution_on_time, t.sla_resolution_elapsed_us, t.sla_resolution_calendar_us";

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    SlaPolicies policies;

    @Inject
    DeskConfig config;

    @Scheduled(every = "${desk.report.rollup.interval:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.report().rollup().enabled()) {
            DatabaseFaults.runJob("report rollup", this::runOnce);
        }
    }

    /**
     * Applies the queued changes and rolls every settled ticket (or re-keys the rollup after a zone change); returns how
     * many tickets it handled: rolled, queued changes applied, and unmarked by a re-key.
     */
    public int runOnce() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::processBatch);
            total += Math.max(batch, 0);
        } while (batch > 0);
        return total;
    }

    /** One transaction: -1 when another replica is rolling, else the number of tickets handled (0: nothing left). */
    int processBatch() {
        Instant now = clock.instant();
        ZoneId zone = policies.policyInForceAt(now).zone();
        int[] rolled = { 0 };
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select pg_try_advisory_xact_lock(" + LOCK + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    rolled[0] = -1;
                    return;
                }
            }
            int unrolled = keyByZone(connection, zone);
            if (unrolled > 0) {
                rolled[0] = unrolled;
                return;
            }
            Map<RowKey, Figures> changes = new HashMap<>();
            List<Long> applied = new ArrayList<>();
            try (PreparedStatement queued = connection.prepareStatement(
                    "select t.seq, " + COLUMNS + " from report_unrolled t order by t.seq limit " + BATCH)) {
                try (ResultSet rs = queued.executeQuery()) {
                    while (rs.next()) {
                        applied.add(rs.getLong(1));
                        Contribution.read(rs, 2).addTo(changes, zone, -1);
                    }
                }
            }
            List<Object> ids = new ArrayList<>();
            try (PreparedStatement settled = connection.prepareStatement("select t.id, " + COLUMNS + " from ticket t"
                    + " where not t.report_rolled and t.status in ('CLOSED', 'CANCELLED') and t.closed_at < ?"
                    + " and t.sla_figures_version = 1 and " + BACKLOG_UNTIL + " is not null"
                    + " and (t.exclusion is not null or t.status = 'CANCELLED'"
                    + "      or (t.sla_response_on_time is not null and t.sla_resolution_on_time is not null))"
                    + " limit " + BATCH + " for update skip locked")) {
                settled.setObject(1, OffsetDateTime.ofInstant(now.minus(SETTLED_AFTER), ZoneOffset.UTC));
                try (ResultSet rs = settled.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1));
                        Contribution.read(rs, 2).addTo(changes, zone, 1);
                    }
                }
            }
            apply(connection, changes);
            if (!applied.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("delete from report_unrolled where seq = any(?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", applied.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement mark = connection.prepareStatement(
                        "update ticket set report_rolled = true where id = any(?)")) {
                    mark.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                    mark.executeUpdate();
                }
            }
            rolled[0] = ids.size() + applied.size();
        });
        return rolled[0];
    }

    /** SQL: the moment a ticket {@code t} leaves the backlog (see the report's backlog), null if it never does. */
    static final String BACKLOG_UNTIL = "least(case when t.status = 'CANCELLED' then t.closed_at end,"
            + " coalesce(t.sla_resolution_met_at, t.resolved_at))";

    /**
     * The rollup is keyed by the days of one zone: when the policy's zone changes, it starts again in the new one. The
     * state row goes first (from then on reports read every ticket live), then the rolled tickets are unmarked a batch
     * per transaction (a million in one statement would outlast the statement timeout); returns how many this time (0
     * once the rollup is keyed by {@code zone}).
     */
    private static int keyByZone(Connection connection, ZoneId zone) throws SQLException {
        String current = null;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select zone from report_rollup_state where id = 1 for update")) {
            if (rs.next()) {
                current = rs.getString(1);
            }
        }
        if (zone.getId().equals(current)) {
            return 0;
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("delete from report_rollup_state");
            s.executeUpdate("delete from report_rollup");
            s.executeUpdate("delete from report_unrolled");
            int unmarked = s.executeUpdate("update ticket set report_rolled = false where id in"
                    + " (select id from ticket where report_rolled limit " + BATCH + ")");
            if (unmarked > 0) {
                return unmarked;
            }
        }
        try (PreparedStatement p = connection.prepareStatement("insert into report_rollup_state (id, zone) values (1, ?)"
                + " on conflict (id) do update set zone = excluded.zone")) {
            p.setString(1, zone.getId());
            p.executeUpdate();
        }
        return 0;
    }

    private static void apply(Connection connection, Map<RowKey, Figures> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<RowKey, Figures> current = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("select dim, group_key, day, " + FIGURES
                + " from report_rollup where " + KEYS_IN + " for update")) {
            bindKeys(read, connection, changes.keySet());
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    current.put(new RowKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                            Figures.read(rs, 4));
                }
            }
        }
        try (PreparedStatement write = connection.prepareStatement(UPSERT)) {
            List<RowKey> emptied = new ArrayList<>();
            for (Map.Entry<RowKey, Figures> change : changes.entrySet()) {
                Figures merged = current.getOrDefault(change.getKey(), new Figures());
                merged.add(change.getValue(), 1);
                RowKey key = change.getKey();
                if (merged.counts[Figures.TICKETS] == 0) {
                    emptied.add(key);
                    continue;
                }
                write.setString(1, key.dim());
                write.setString(2, key.key());
                write.setObject(3, key.day());
                long[] v = merged.counts;
                for (int i = 0; i < v.length; i++) {
                    write.setLong(4 + i, v[i]);
                }
                write.setBytes(4 + v.length, Histogram.encode(merged.histograms));
                write.addBatch();
            }
            write.executeBatch();
            if (!emptied.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("delete from report_rollup where " + KEYS_IN)) {
                    bindKeys(delete, connection, emptied);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** SQL: the rollup rows of the keys bound by {@link #bindKeys} (three arrays: one statement for any number). */
    private static final String KEYS_IN = "(dim, day, group_key) in (select * from unnest(?::text[], ?::date[], ?::text[]))";

    private static void bindKeys(PreparedStatement statement, Connection connection, Collection<RowKey> keys)
            throws SQLException {
        statement.setArray(1, connection.createArrayOf("text", keys.stream().map(RowKey::dim).toArray()));
        statement.setArray(2,
                connection.createArrayOf("date", keys.stream().map(k -> java.sql.Date.valueOf(k.day())).toArray()));
        statement.setArray(3, connection.createArrayOf("text", keys.stream().map(RowKey::key).toArray()));
    }

    /** The rollup columns after the keys, in {@link Figures#counts} order, then the histograms. */
    static final String FIGURES = "tickets, excluded, cancelled, billable, reopened, good, bad, r_met, r_breached,"
            + " r_el_sum, s_met, s_breached, s_el_sum, hist";

    /** Writes a rollup row whole: the keys, then FIGURES. */
    private static final String UPSERT;

    static {
        List<String> columns = List.of(FIGURES.split(",\\s*"));
        UPSERT = "insert into report_rollup (dim, group_key, day, " + FIGURES + ") values (?, ?, ?"
                + ", ?".repeat(columns.size()) + ") on conflict (dim, day, group_key) do update set "
                + String.join(", ", columns.stream().map(c -> c + " = excluded." + c).toList());
    }

    record RowKey(String dim, String key, LocalDate day) {
    }

    /** Summable figures of a rollup row (or of several): counts in FIGURES order and four histograms. */
    static final class Figures {

        static final int TICKETS = 0, EXCLUDED = 1, CANCELLED = 2, BILLABLE = 3, REOPENED = 4, GOOD = 5, BAD = 6,
                R_MET = 7, R_BREACHED = 8, R_EL_SUM = 9, S_MET = 10, S_BREACHED = 11, S_EL_SUM = 12;
        /** Response clock, response calendar, resolution clock, resolution calendar times. */
        static final int R_EL = 0, R_CAL = 1, S_EL = 2, S_CAL = 3;

        final long[] counts = new long[13];
        final Histogram[] histograms = Histogram.perMeasure();

        static Figures read(ResultSet rs, int column) throws SQLException {
            Figures f = new Figures();
            for (int i = 0; i < f.counts.length; i++) {
                f.counts[i] = rs.getLong(column + i);
            }
            Histogram.decode(rs.getBytes(column + f.counts.length), f.histograms);
            return f;
        }

        void add(Figures other, int sign) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += sign * other.counts[i];
            }
            for (int i = 0; i < histograms.length; i++) {
                histograms[i].add(other.histograms[i], sign);
            }
        }
    }

    /** What one ticket adds to the report, read from {@link #COLUMNS}; exactly what the live statement counts for it. */
    record Contribution(Instant openedAt, String priority, String service, String category, String organization,
            String assignee, Figures figures) {

        static Contribution read(ResultSet rs, int c) throws SQLException {
            Instant opened = rs.getObject(c, OffsetDateTime.class).toInstant();
            String exclusion = rs.getString(c + 6);
            String status = rs.getString(c + 7);
            boolean eligible = exclusion == null && !"CANCELLED".equals(status);
            boolean stored = rs.getInt(c + 11) == 1;
            String rating = rs.getString(c + 10);
            Figures f = new Figures();
            f.counts[Figures.TICKETS] = 1;
            f.counts[Figures.EXCLUDED] = exclusion != null ? 1 : 0;
            f.counts[Figures.CANCELLED] = exclusion == null && "CANCELLED".equals(status) ? 1 : 0;
            f.counts[Figures.BILLABLE] = rs.getBoolean(c + 8) || exclusion != null ? 1 : 0;
            f.counts[Figures.REOPENED] = rs.getInt(c + 9) > 0 ? 1 : 0;
            f.counts[Figures.GOOD] = "GOOD".equals(rating) ? 1 : 0;
            f.counts[Figures.BAD] = "BAD".equals(rating) ? 1 : 0;
            target(rs, c + 12, eligible && stored, f, Figures.R_MET, Figures.R_EL);
            target(rs, c + 15, eligible && stored, f, Figures.S_MET, Figures.S_EL);
            return new Contribution(opened, rs.getString(c + 1), rs.getString(c + 2), rs.getString(c + 3),
                    rs.getString(c + 4), rs.getString(c + 5), f);
        }

        /** Met or breached, clock time summed, both times in the histograms: a stored decided target. */
        private static void target(ResultSet rs, int c, boolean counted, Figures f, int met, int histogram)
                throws SQLException {
            Boolean onTime = (Boolean) rs.getObject(c);
            if (!counted || onTime == null) {
                return;
            }
            f.counts[onTime ? met : met + 1]++;
            Long elapsed = (Long) rs.getObject(c + 1);
            Long calendar = (Long) rs.getObject(c + 2);
            if (elapsed != null) {
                f.counts[met + 2] += elapsed;
                f.histograms[histogram].add(elapsed, 1);
            }
            if (calendar != null) {
                f.histograms[histogram + 1].add(calendar, 1);
            }
        }

        String key(GroupBy groupBy) {
            return switch (groupBy) {
                case PRIORITY -> priority;
                case SERVICE -> service;
                case CATEGORY -> category;
                case ORGANIZATION -> organization;
                case ASSIGNEE -> assignee == null ? SlaReportService.UNASSIGNED : assignee;
            };
        }

        void addTo(Map<RowKey, Figures> rows, ZoneId zone, int sign) {
            LocalDate day = LocalDate.ofInstant(openedAt, zone);
            for (GroupBy groupBy : GroupBy.values()) {
                rows.computeIfAbsent(new RowKey(groupBy.name(), key(groupBy), day), k -> new Figures()).add(figures, sign);
            }
        }
    }

    /**
     * A log histogram of durations: bucket 0 below one second, then buckets 5 % wide ([1.05^(b-1), 1.05^b) seconds),
     * up to 1.05^599 s (centuries). Percentiles interpolate inside a bucket, so they are within 5 % of the exact ones.
     */
    static final class Histogram {

        static final int BUCKETS = 600;
        private static final double LOG_BASE = Math.log(1.05);
        /** Sparse and sorted: the non-zero buckets and their counts (a report merges thousands of these). */
        private int[] buckets = new int[0];
        private long[] counts = new long[0];
        private int size;

        /** Empty histograms, one per measure (Figures.R_EL, R_CAL, S_EL, S_CAL). */
        static Histogram[] perMeasure() {
            return new Histogram[] { new Histogram(), new Histogram(), new Histogram(), new Histogram() };
        }

        static int bucket(long micros) {
            double seconds = micros / 1_000_000.0;
            if (seconds < 1) {
                return 0;
            }
            return Math.min(BUCKETS - 1, 1 + (int) Math.floor(Math.log(seconds) / LOG_BASE));
        }

        static double lowerSeconds(int bucket) {
            return bucket == 0 ? 0 : Math.pow(1.05, bucket - 1);
        }

        void add(long micros, long n) {
            addBucket(bucket(micros), n);
        }

        void addBucket(int bucket, long n) {
            int i = Arrays.binarySearch(buckets, 0, size, bucket);
            if (i >= 0) {
                counts[i] += n;
                if (counts[i] == 0) {
                    System.arraycopy(buckets, i + 1, buckets, i, size - i - 1);
                    System.arraycopy(counts, i + 1, counts, i, size - i - 1);
                    size--;
                }
                return;
            }
            int at = -i - 1;
            if (size == buckets.length) {
                buckets = Arrays.copyOf(buckets, Math.max(8, size * 2));
                counts = Arrays.copyOf(counts, buckets.length);
            }
            System.arraycopy(buckets, at, buckets, at + 1, size - at);
            System.arraycopy(counts, at, counts, at + 1, size - at);
            buckets[at] = bucket;
            counts[at] = n;
            size++;
        }

        /** Adds (sign 1) or subtracts (-1) another histogram: one merge of the two sorted arrays. */
        void add(Histogram other, int sign) {
            if (other.size == 0) {
                return;
            }
            int[] b = new int[size + other.size];
            long[] c = new long[b.length];
            int i = 0, j = 0, k = 0;
            while (i < size || j < other.size) {
                if (j == other.size || (i < size && buckets[i] < other.buckets[j])) {
                    b[k] = buckets[i];
                    c[k++] = counts[i++];
                } else if (i == size || other.buckets[j] < buckets[i]) {
                    b[k] = other.buckets[j];
                    c[k++] = sign * other.counts[j++];
                } else {
                    long n = counts[i] + sign * other.counts[j];
                    if (n != 0) {
                        b[k] = buckets[i];
                        c[k++] = n;
                    }
                    i++;
                    j++;
                }
            }
            buckets = b;
            counts = c;
            size = k;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Like {@code percentile_cont(share)}: the value at rank share × (n - 1), interpolated; null if empty. */
        Duration percentile(double share) {
            long n = 0;
            for (int i = 0; i < size; i++) {
                n += counts[i];
            }
            if (n <= 0) {
                return null;
            }
            double position = share * (n - 1);
            long below = (long) Math.floor(position);
            double low = valueAt(below);
            double high = valueAt(Math.min(n - 1, below + 1));
            double seconds = low + (high - low) * (position - below);
            return Duration.of(Math.round(seconds * 1_000_000), ChronoUnit.MICROS).withNanos(0);
        }

        /** The {@code rank}-th value (0-based), taking a bucket's values as spread evenly over its width. */
        private double valueAt(long rank) {
            long seen = 0;
            for (int i = 0; i < size; i++) {
                long n = counts[i];
                if (rank < seen + n) {
                    double low = lowerSeconds(buckets[i]);
                    double high = lowerSeconds(buckets[i] + 1);
                    return low + (high - low) * ((rank - seen) + 0.5) / n;
                }
                seen += n;
            }
            return lowerSeconds(buckets[size - 1] + 1);
        }

        /** Sparse: per histogram, the count of entries, then (bucket short, count long) pairs in bucket order. */
        static byte[] encode(Histogram[] histograms) {
            int length = 0;
            for (Histogram h : histograms) {
                length += 4 + h.size * 10;
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            for (Histogram h : histograms) {
                buffer.putInt(h.size);
                for (int i = 0; i < h.size; i++) {
                    buffer.putShort((short) h.buckets[i]).putLong(h.counts[i]);
                }
            }
            return buffer.array();
        }

        /** Into empty histograms (the entries are in bucket order already). */
        static void decode(byte[] bytes, Histogram[] into) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            for (Histogram h : into) {
                int entries = buffer.getInt();
                h.buckets = new int[entries];
                h.counts = new long[entries];
                for (int i = 0; i < entries; i++) {
                    h.buckets[i] = buffer.getShort();
                    h.counts[i] = buffer.getLong();
                }
                h.size = entries;
            }
        }
    }
}
