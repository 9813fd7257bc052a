package org.eclipsesol.desk.bench;

import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TESS;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipsesol.desk.report.app.ReportRollup;
import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.TestClock;
import org.eclipsesol.desk.ticket.app.SlaFiguresBackfill;
import org.eclipsesol.desk.ticket.app.SlaMonitor;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The scale benchmarks of bench/README.md (never part of the suite: its name does not end in Test; bench/scale/run.sh
 * runs it explicitly against a schema of its own that survives the run). Phases (-Dbench.phases=...): generate (the
 * bench generator up to -Dbench.tickets, then the figures backfill), report, search, explain, monitor (HTTP throughput:
 * bench/http, HttpBench). Results go
 * to bench/results/.
 */
@QuarkusTest
class ScaleBench {

    static final Path RESULTS = Path.of("bench/results");

    @Inject
    DataSource dataSource;

    @Inject
    SlaFiguresBackfill backfill;

    @Inject
    SlaMonitor monitor;

    @Inject
    SessionFactory sessions;

    @Inject
    ReportRollup rollup;

    final Set<String> phases = Set.of(System.getProperty("bench.phases", "generate,rollup,report,search,explain,monitor")
            .split(","));
    final StringBuilder summary = new StringBuilder();

    @Test
    void run() throws Exception {
        Files.createDirectories(RESULTS);
        line("# ScaleBench " + Instant.now() + " (test clock " + TestClock.now() + "), schema "
                + System.getenv("TEST_DB_SCHEMA") + ", " + Runtime.getRuntime().availableProcessors() + " cpus, load "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        if (phases.contains("generate")) {
            generate(Long.getLong("bench.tickets", 1_000_000));
        }
        line("tickets: " + scalar("select count(*) from ticket") + ", open: "
                + scalar("select count(*) from ticket where status in ('NEW','IN_PROGRESS','WAITING_ON_CLIENT')")
                + ", events: " + scalar("select count(*) from ticket_event") + ", comments: "
                + scalar("select count(*) from ticket_comment"));
        if (phases.contains("backfill")) {
            long t0 = System.nanoTime();
            int done = backfill.runOnce();
            double s = (System.nanoTime() - t0) / 1e9;
            line(String.format("backfill of decided figures: %d rows in %.1f s (%.0f rows/s)", done, s, done / s));
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("vacuum analyze ticket");
            }
        }
        if (phases.contains("rollup")) {
            long t0 = System.nanoTime();
            int done = rollup.runOnce();
            double s = (System.nanoTime() - t0) / 1e9;
            line(String.format("report rollup: %d settled tickets rolled in %.1f s (%.0f tickets/s), %d rollup rows", done,
                    s, done / s, scalar("select count(*) from report_rollup")));
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("vacuum analyze ticket");
                st.execute("vacuum analyze report_rollup");
                // the partial index of the live tickets was built over all of them (docs/operations.md)
                st.execute("reindex index concurrently ticket_report_unrolled_idx");
            }
            line("rolled: " + scalar("select count(*) from ticket where report_rolled") + ", read live: "
                    + scalar("select count(*) from ticket where not report_rolled"));
        }
        if (phases.contains("report")) {
            report();
        }
        if (phases.contains("search")) {
            search();
        }
        if (phases.contains("explain")) {
            explain();
        }
        if (phases.contains("monitor")) {
            monitor();
        }
        Files.writeString(RESULTS.resolve("summary-" + String.join("-", new java.util.TreeSet<>(phases)) + ".txt"),
                summary.toString());
    }

    private void line(String text) {
        System.out.println("[bench] " + text);
        summary.append(text).append('\n');
    }

    // ---- generate

    private void generate(long target) throws Exception {
        long have = scalar("select count(*) from ticket");
        if (have >= target) {
            line("generate: " + have + " tickets already there");
            return;
        }
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "Bench Org " + i;
            List<String> found = column("select id::text from organization where name = ?", name);
            orgs.add(found.isEmpty()
                    ? as(SAM).body(Map.of("name", name, "emailDomains", List.of())).post("/api/v1/organizations").then()
                            .statusCode(201).extract().path("id")
                    : found.get(0));
        }
        as(TOM).get("/api/v1/me").then().statusCode(200);
        as(TESS).get("/api/v1/me").then().statusCode(200);
        List<String> staff = column("select id from app_user where email like '%@eclipsesol.org'");
        String script = Files.readString(Path.of("bench/data/generate-tickets.sql"));
        long chunk = 100_000;
        Instant now = TestClock.now().minusSeconds(60);
        long started = System.nanoTime();
        int round = 0;
        while (have < target) {
            long n = Math.min(chunk, target - have);
            long t0 = System.nanoTime();
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("create temp table bench_params (n int, now_at timestamptz, span interval, seed float8,"
                            + " orgs uuid[], assignees text[])");
                }
                try (PreparedStatement p = c.prepareStatement(
                        "insert into bench_params values (?, ?, interval '365 days', ?, ?::uuid[], ?::text[])")) {
                    p.setLong(1, n);
                    p.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    p.setDouble(3, 0.1 + round * 0.01);
                    p.setString(4, "{" + String.join(",", orgs) + "}");
                    p.setString(5, "{" + String.join(",", staff) + "}");
                    p.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute(script);
                    s.execute("drop table bench_params");
                }
            }
            have += n;
            round++;
            line(String.format("generate: +%d tickets in %.1f s (total %d)", n, (System.nanoTime() - t0) / 1e9, have));
        }
        line(String.format("generate: done in %.1f s", (System.nanoTime() - started) / 1e9));
        if (!Boolean.parseBoolean(System.getProperty("bench.backfill", "true"))) {
            return;
        }
        long t0 = System.nanoTime();
        int done = backfill.runOnce();
        double s = (System.nanoTime() - t0) / 1e9;
        line(String.format("backfill of decided figures: %d rows in %.1f s (%.0f rows/s)", done, s, done / s));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze ticket");
            st.execute("analyze ticket_event");
            st.execute("analyze ticket_comment");
        }
    }

    // ---- report

    private void report() {
        Instant now = TestClock.now();
        String from = now.minus(Duration.ofDays(366)).toString();
        line("## 366-day SLA report (GET /api/v1/reports/sla, supervisor, JSON), 2 warm-ups then 10 timed runs each");
        for (String groupBy : List.of("priority", "service", "category", "organization", "assignee")) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long t0 = System.nanoTime();
                as(SAM).queryParam("from", from).queryParam("to", now.toString()).queryParam("groupBy", groupBy)
                        .get("/api/v1/reports/sla").then().statusCode(200);
                if (i >= 2) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            }
            line(String.format("report groupBy=%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms", groupBy, pct(ms, 50), pct(ms, 95),
                    Collections.max(ms)));
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            as(SAM).queryParam("from", from).queryParam("to", now.toString()).queryParam("interval", "week")
                    .get("/api/v1/reports/sla").then().statusCode(200);
            if (i >= 2) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        line(String.format("report groupBy=priority interval=week (53 periods): p50 %.0f ms, p95 %.0f ms", pct(ms, 50),
                pct(ms, 95)));
    }

    // ---- search

    private void search() throws Exception {
        long number = scalar("select max(number) - 12345 from ticket");
        List<String> queries = List.of("printer offline", "vpn", "\"cannot connect\"", "laptop -slow", "error code",
                "replacement badge", "firewall update failed", "ERR_TIMEOUT", "reception printer", "outlook crashing",
                "wi-fi or camera", "restart", "mailbox password", "T-" + number, Long.toString(number + 7), "secretnote",
                "server backup", "scanner", "teams license", "desk phone");
        line("## search: GET /api/v1/tickets?q=...&limit=20 as staff (every ticket visible), 20 queries x 5 runs after a"
                + " warm-up, timed through java.net.http (RestAssured, used by the tests, adds client-side time: shown"
                + " for comparison)");
        HttpClient http = HttpClient.newHttpClient();
        for (String q : queries) {
            get(http, "/api/v1/tickets?limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        List<Double> all = new ArrayList<>();
        List<Double> viaRestAssured = new ArrayList<>();
        Map<String, List<Double>> byQuery = new LinkedHashMap<>();
        for (int round = 0; round < 5; round++) {
            for (String q : queries) {
                double ms = get(http, "/api/v1/tickets?limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                all.add(ms);
                byQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(ms);
                long t0 = System.nanoTime();
                as(TOM).queryParam("q", q).queryParam("limit", 20).get("/api/v1/tickets").then().statusCode(200);
                viaRestAssured.add((System.nanoTime() - t0) / 1e6);
            }
        }
        byQuery.forEach((q, ms) -> line(String.format("  q=%s: p50 %.1f ms, max %.1f ms", q, pct(ms, 50),
                Collections.max(ms))));
        line(String.format("search page of 20: p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d); through RestAssured p50 %.1f"
                + " ms, p95 %.1f ms", pct(all, 50), pct(all, 95), Collections.max(all), all.size(),
                pct(viaRestAssured, 50), pct(viaRestAssured, 95)));
        List<Double> plain = new ArrayList<>();
        List<Double> plainViaRestAssured = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            plain.add(get(http, "/api/v1/tickets?limit=20"));
            long t0 = System.nanoTime();
            as(TOM).queryParam("limit", 20).get("/api/v1/tickets").then().statusCode(200);
            plainViaRestAssured.add((System.nanoTime() - t0) / 1e6);
        }
        line(String.format("for comparison, the plain page of 20 without q: p50 %.1f ms, p95 %.1f ms (n=%d); through"
                + " RestAssured p50 %.1f ms, p95 %.1f ms", pct(plain, 50), pct(plain, 95), plain.size(),
                pct(plainViaRestAssured, 50), pct(plainViaRestAssured, 95)));
        int secret = as(TOM).queryParam("q", "secretnote").get("/api/v1/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
        line("internal-note word 'secretnote' finds " + secret + " tickets");
    }

    // ---- explain

    private void explain() throws Exception {
        String org = column("select id::text from organization where name = 'Bench Org 3'").get(0);
        String assignee = column("select id from app_user where email like 'tom@%'").get(0);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("none", "true");
        filters.put("status=NEW", "t.status = 'NEW'");
        filters.put("status=IN_PROGRESS", "t.status = 'IN_PROGRESS'");
        filters.put("priority=HIGH", "t.priority = 'HIGH'");
        filters.put("service=SURVEILLANCE", "t.service = 'SURVEILLANCE'");
        filters.put("organizationId", "t.organization_id = '" + org + "'");
        filters.put("assigneeId", "t.assignee_id = '" + assignee + "'");
        filters.put("escalated=true", "t.escalated");
        filters.put("slaStatus=BREACHED", "(t.sla_response_status = 'BREACHED' or t.sla_resolution_status = 'BREACHED')");
        filters.put("slaStatus=AT_RISK", "(t.sla_response_status = 'AT_RISK' or t.sla_resolution_status = 'AT_RISK')");
        filters.put("slaStatus=PAUSED", "(t.sla_response_status = 'PAUSED' or t.sla_resolution_status = 'PAUSED')");
        filters.put("client org + status=NEW", "t.organization_id = '" + org + "' and t.status = 'NEW'");
        filters.put("client org + slaStatus=BREACHED", "t.organization_id = '" + org
                + "' and (t.sla_response_status = 'BREACHED' or t.sla_resolution_status = 'BREACHED')");
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("NEWEST", "order by t.number desc");
        sorts.put("OLDEST", "order by t.number asc");
        sorts.put("DUE", "order by t.sla_due_at asc nulls last, t.number asc");
        StringBuilder out = new StringBuilder("-- EXPLAIN (ANALYZE, BUFFERS) of every UI list (the statement TicketQueries.page"
                + " runs: the page of 21 rows, organization and assignee joined), " + Instant.now() + "\n");
        List<String> table = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (var f : filters.entrySet()) {
                for (var s : sorts.entrySet()) {
                    String sql = "select t.*, o.name, u.name from ticket t join organization o on o.id = t.organization_id"
                            + " left join app_user u on u.id = t.assignee_id where " + f.getValue() + " " + s.getValue()
                            + " limit 21";
                    double best = Double.MAX_VALUE;
                    String plan = null;
                    for (int i = 0; i < 3; i++) {
                        StringBuilder p = new StringBuilder();
                        try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
                            while (rs.next()) {
                                p.append(rs.getString(1)).append('\n');
                            }
                        }
                        double ms = executionMs(p.toString());
                        if (ms < best) {
                            best = ms;
                            plan = p.toString();
                        }
                    }
                    out.append("\n-- ").append(f.getKey()).append(" sort=").append(s.getKey()).append("\n").append(sql)
                            .append(";\n").append(plan);
                    table.add(String.format("| %s | %s | %.2f ms |", f.getKey(), s.getKey(), best));
                }
            }
            // the first page of RELEVANCE as TicketTextSearch runs it: the newest 1,000 matches ranked, and (issue 12's
            // first version, for comparison) every match ranked
            String query = "websearch_to_tsquery('english', 'printer offline')";
            String fts = "with c as (select t.id, t.number, t.search_vector from ticket t where true and t.search_vector @@ "
                    + query + " order by t.number desc limit 1000), b as (select min(number) as floor, count(*) as n"
                    + " from c) select s.id, s.number, s.rank, b.floor, b.n from (select c.id, c.number, ts_rank("
                    + "c.search_vector, " + query + ") as rank from c) s, b order by s.rank desc, s.number desc limit 21";
            String all = "select s.id from (select t.id, t.number, ts_rank(t.search_vector, " + query + ") as rank"
                    + " from ticket t where t.search_vector @@ " + query + ") s order by s.rank desc, s.number desc limit 21";
            StringBuilder p = new StringBuilder();
            for (String[] variant : new String[][] { { "RELEVANCE (newest 1,000 ranked)", fts },
                    { "every match ranked (before)", all } }) {
                double best = Double.MAX_VALUE;
                String plan = null;
                for (int i = 0; i < 3; i++) {
                    p = new StringBuilder();
                    try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + variant[1])) {
                        while (rs.next()) {
                            p.append(rs.getString(1)).append('\n');
                        }
                    }
                    if (executionMs(p.toString()) < best) {
                        best = executionMs(p.toString());
                        plan = p.toString();
                    }
                }
                out.append("\n-- q='printer offline' ").append(variant[0]).append("\n").append(variant[1]).append(";\n")
                        .append(plan);
                table.add(String.format("| q='printer offline' | %s | %.2f ms |", variant[0], best));
            }
            String count = "select count(*) from (select 1 from ticket t where true limit 10000) x";
            p = new StringBuilder();
            try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + count)) {
                while (rs.next()) {
                    p.append(rs.getString(1)).append('\n');
                }
            }
            out.append("\n-- GraphQL totalCount (capped)\n").append(count).append(";\n").append(p);
            table.add(String.format("| totalCount (cap 10000) | - | %.2f ms |", executionMs(p.toString())));
        }
        Files.writeString(RESULTS.resolve("explain-lists.txt"), out.toString());
        line("## EXPLAIN (ANALYZE, BUFFERS) execution time of each list (best of 3), plans in bench/results/explain-lists.txt");
        line("| filter | sort | execution |");
        line("| --- | --- | --- |");
        table.forEach(this::line);
    }

    private static double executionMs(String plan) {
        for (String l : plan.split("\n")) {
            if (l.startsWith("Execution Time:")) {
                return Double.parseDouble(l.replaceAll("[^0-9.]", ""));
            }
        }
        return -1;
    }

    // ---- monitor

    /**
     * Makes {@code bench.monitor.due} open tickets that have raised no alert yet due at once, then lets
     * {@code n} monitors drain them concurrently, for each n in {@code bench.monitor.replicas} (fresh tickets each
     * round). The monitors are threads of this JVM standing in for replicas: they claim rows exactly as replicas do
     * ({@code FOR UPDATE SKIP LOCKED}, a transaction per batch), so the round shows whether claims split the work or
     * block each other; on this 2-core machine they cannot show CPU scale-out.
     */
    private void monitor() throws Exception {
        long open = scalar("select count(*) from ticket where status in ('NEW','IN_PROGRESS','WAITING_ON_CLIENT')");
        int due = Integer.getInteger("bench.monitor.due", 2_000);
        List<String> rounds = new ArrayList<>(List.of("warm-up"));
        rounds.addAll(List.of(System.getProperty("bench.monitor.replicas", "1,3").split(",")));
        for (String round : rounds) {
            boolean warmUp = round.equals("warm-up");
            int n = warmUp ? 1 : Integer.parseInt(round.trim());
            int tickets = warmUp ? Math.max(1, due / 5) : due;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "update ticket set sla_next_check_at = ? - random() * interval '10 minutes' where id in ("
                                    + "select id from ticket t where status in ('NEW','IN_PROGRESS') and not exists"
                                    + " (select 1 from sla_alert a where a.ticket_id = t.id) order by number limit " + tickets
                                    + ")")) {
                ps.setObject(1, OffsetDateTime.ofInstant(TestClock.now(), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            long alertsBefore = scalar("select count(*) from sla_alert");
            long escalationsBefore = scalar("select count(*) from escalation");
            var statistics = sessions.getStatistics();
            statistics.clear();
            ExecutorService monitors = Executors.newFixedThreadPool(n);
            long t0 = System.nanoTime();
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(monitors.submit(monitor::runOnce));
            }
            int processed = 0;
            for (Future<Integer> run : runs) {
                processed += run.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            monitors.shutdown();
            long statements = statistics.getPrepareStatementCount();
            long alerts = scalar("select count(*) from sla_alert") - alertsBefore;
            long escalations = scalar("select count(*) from escalation") - escalationsBefore;
            long left;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from ticket where sla_next_check_at <= ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(TestClock.now(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    left = rs.getLong(1);
                }
            }
            line(String.format((warmUp ? "(warm-up, JIT) " : "")
                    + "## SLA monitor: %d open tickets; %d due moments processed by %d monitor(s) in %.1f s = %.0f per second"
                    + " (%d alerts and %d escalations raised, %.0f alerts per second; %.1f statements per ticket;"
                    + " %d tickets still due)",
                    open, processed, n, s, processed / s, alerts, escalations, alerts / s,
                    (double) statements / Math.max(1, processed), left));
        }
    }

    /** One GET as Tom through java.net.http (a light client), in milliseconds; fails unless 200. */
    private static double get(HttpClient http, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .header("Authorization", "Bearer " + Api.token(TOM)).header("Accept", "application/json").GET().build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode());
        }
        return ms;
    }

    // ---- helpers

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> column(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
