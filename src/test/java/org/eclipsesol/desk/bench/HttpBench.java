package org.eclipsesol.desk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipsesol.desk.faults.PackagedApp;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * HTTP throughput of the packaged application (prod profile, JVM mode, full JIT) next to pgbench on the same
 * PostgreSQL in the same run, so the figures are ratios (issue 12, point 7). Run by {@code bench/http/run.sh}; the
 * name does not end in Test or IT, so the suites never run it.
 *
 * <p>
 * Phases, each {@code bench.duration} long after a warm-up: GET a ticket as staff and as a client, POST a ticket as
 * staff (organization in the body) and as a client (organization from the verified e-mail address), then pgbench's
 * primary-key select and single-row insert at the same 16 connections. With {@code -Dbench.jfr=true} the service
 * records a JFR file over the measured phases and the hot methods are written next to the results.
 */
class HttpBench {

    private static final Path RESULTS = Path.of("bench/results");
    private static final Path CREATE_STATEMENTS = Path.of("bench/http/create-statements.sql");
    /** A ticket change as ClusterEvents sends it (its size, not its ids, matters here). */
    private static final String NOTIFY_PAYLOAD = "{\"type\":\"ticket\",\"body\":{\"ticketId\":"
            + "\"a0fa5fb0-eef8-47db-bb31-24d6643c8c51\",\"organizationId\":\"b6d774b4-416b-4ca8-aaa4-f2104856c6cf\","
            + "\"what\":\"CREATED\"}}";
    private static final String SCHEMA = System.getProperty("bench.schema", "supportdesk_bench_http");
    private static final String DURATION = System.getProperty("bench.duration", "20s");
    private static final String WARMUP = System.getProperty("bench.warmup", "30s");
    private static final String CONNECTIONS = System.getProperty("bench.connections", "16");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final StringBuilder summary = new StringBuilder();
    /** The service under load, for its CPU time per request (steal and other tenants' load do not count in it). */
    private ProcessHandle service;

    @Test
    void run() throws Exception {
        Files.createDirectories(RESULTS);
        psql("drop schema if exists " + SCHEMA + " cascade");
        Path jfr = Path.of("target/http-bench.jfr").toAbsolutePath();
        boolean recording = Boolean.getBoolean("bench.jfr");
        try (PackagedApp app = new PackagedApp("jdbc:postgresql://127.0.0.1:5432/postgres", SCHEMA,
                Map.of("QUARKUS_LOG_LEVEL", "WARN", "DB_POOL_MAX", "20",
                        // The limits stay enforced (their cost is part of every request), but far above the load.
                        "RATE_LIMIT_READS", "100000000", "RATE_LIMIT_WRITES", "100000000"))) {
            List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:MaxRAMPercentage=75"));
            if (recording) {
                jvm.add("-XX:StartFlightRecording=settings=profile");
            }
            app.jvmOptions(jvm);
            boolean trace = Boolean.getBoolean("bench.trace");
            if (trace) {
                // Every statement of the traced requests in PostgreSQL's log, between markers (see trace()).
                app.set("QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_OPTIONS",
                        "-c statement_timeout=5s -c lock_timeout=2s -c log_statement=all");
            }
            app.start(Duration.ofSeconds(90));
            service = app.process().toHandle();
            String base = app.base();
            String staff = Tokens.subject("bench-supervisor").email("sam@eclipsesol.org", true).name("Sam")
                    .realmRoles(List.of("supervisor", "technician")).sign();
            String client = Tokens.subject("bench-client").email("ana@acme.example", true).name("Ana")
                    .realmRoles(List.of("client")).sign();

            String org = field(post(base + "/api/v1/organizations", staff,
                    "{\"name\":\"Acme\",\"emailDomains\":[\"acme.example\"]}"), "id");
            String ticket = null;
            for (int i = 0; i < 300; i++) {
                ticket = field(post(base + "/api/v1/tickets", staff, ticketBody("Seed " + i, org)), "id");
            }
            if (trace) {
                trace(base, staff, client, org, ticket);
                return;
            }
            line("# HTTP next to pgbench, " + Instant.now() + ", " + CONNECTIONS + " connections, " + DURATION
                    + " each after a " + WARMUP + " warm-up; load average before: " + loadAverage());
            line("JVM: " + System.getProperty("java.vm.version") + "; service: -Xmx512m, prod profile, pool 20");

            // One request of each kind first, so a wrong setup fails with the answer instead of a wrk count.
            post(base + "/api/v1/tickets", staff, ticketBody("Probe", org));
            post(base + "/api/v1/tickets", client, ticketBody("Probe", null));
            Path createStaff = lua("create-staff", staff, ticketBody("Load ' .. counter .. '", org));
            Path createClient = lua("create-client", client, ticketBody("Load ' .. counter .. '", null));
            String one = base + "/api/v1/tickets/" + ticket;
            List<String> getStaffTarget = List.of("-H", "Authorization: Bearer " + staff, one);
            List<String> getClientTarget = List.of("-H", "Authorization: Bearer " + client, one);
            List<String> postStaffTarget = List.of("-s", createStaff.toString(), base + "/api/v1/tickets");
            List<String> postClientTarget = List.of("-s", createClient.toString(), base + "/api/v1/tickets");
            // The reads are warmed up and measured before any load of creates: the outbox worker delivers the notices
            // of creates for minutes after them (it took 15 % of the CPU samples of a GET phase that followed the
            // creates' warm-up), and that work belongs to the creates. Their own phases include it, as before.
            warmUp(getStaffTarget);
            warmUp(getClientTarget);
            awaitOutboxDelivered();
            // A settling round of both, printed but not counted: whichever kind ran first after the warm-ups was
            // served up to a third fewer requests (the JIT still compiles then on this 2-core host), so the staff GET,
            // always first, looked slower than the client GET, and the other way round when swapped.
            wrk("get-staff-settling", getStaffTarget);
            wrk("get-client-settling", getClientTarget);
            double getStaff = wrk("get-staff", getStaffTarget);
            double getClient = wrk("get-client", getClientTarget);
            warmUp(postStaffTarget);
            warmUp(postClientTarget);
            double postStaff = wrk("post-staff", postStaffTarget);
            double postClient = wrk("post-client", postClientTarget);
            // Whether the outbox worker kept up with the creates' acknowledgements (its work is part of their cost).
            line("Outbox right after the creates: " + psqlValue("select count(*) filter (where status = 'PENDING')"
                    + " || ' of ' || count(*) || ' notices PENDING' from " + SCHEMA + ".notification"));
            line("RSS of the service after the runs: " + rssMiB(app.process().pid()) + " MiB");
            if (recording) {
                String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                run(List.of(jcmd, Long.toString(app.process().pid()), "JFR.dump", "filename=" + jfr));
            }
            app.close();

            psql("create table " + SCHEMA + ".bench_pg_ticket (id uuid primary key, title text, opened_at timestamptz)");
            double pgSelect = pgbench("select",
                    "\\set n random(10001, 10300)\nselect * from ticket where number = :n;\n");
            double pgInsert = pgbench("insert",
                    "insert into bench_pg_ticket (id, title, opened_at) values (gen_random_uuid(), 'x', now());\n");
            // PostgreSQL alone running what one create runs (prepared, as the service does): the database's ceiling.
            double pgCreate = pgbench("create-statements", CREATE_STATEMENTS, "-M", "prepared", "-D", "org=" + org);
            // The same with the NOTIFY a create sent inside its transaction before ClusterEvents sent ticket changes
            // after commit: PostgreSQL holds its notify lock through the commit, so these commit one at a time.
            pgbench("create-statements-notify", Files.readString(CREATE_STATEMENTS).replace("\nCOMMIT;",
                    "\nselect cast(pg_notify('desk_events_bench_floor', '" + NOTIFY_PAYLOAD + "') as text);\nCOMMIT;"),
                    "-M", "prepared", "-D", "org=" + org);

            line("");
            line("| request | req/s | pgbench (same run) | ratio | target |");
            line("| --- | --- | --- | --- | --- |");
            row("GET /api/v1/tickets/{id} as staff", getStaff, "PK select", pgSelect);
            row("GET /api/v1/tickets/{id} as a client", getClient, "PK select", pgSelect);
            row("POST /api/v1/tickets as staff", postStaff, "single-row insert", pgInsert);
            row("POST /api/v1/tickets as a client", postClient, "single-row insert", pgInsert);
            row("POST /api/v1/tickets as staff", postStaff, "the create's statements", pgCreate, "-");
            row("POST /api/v1/tickets as a client", postClient, "the create's statements", pgCreate, "-");
            line("load average after: " + loadAverage());
        }
        if (recording) {
            hotMethods(jfr);
        }
        Files.writeString(RESULTS.resolve("http-summary.txt"), summary);
        System.out.println(summary);
    }

    /** One request of each measured kind, each between two markers in PostgreSQL's log (log_statement=all). */
    private static void trace(String base, String staff, String client, String org, String ticket) throws Exception {
        for (int round = 0; round < 2; round++) {
            marker("create-staff " + round);
            post(base + "/api/v1/tickets", staff, ticketBody("Traced", org));
            marker("create-client " + round);
            post(base + "/api/v1/tickets", client, ticketBody("Traced", null));
            marker("get-staff " + round);
            get(base + "/api/v1/tickets/" + ticket, staff);
            marker("get-client " + round);
            get(base + "/api/v1/tickets/" + ticket, client);
            marker("end " + round);
        }
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private void row(String name, double rate, String pgName, double pgRate) {
        row(name, rate, pgName, pgRate, ">= 0.30");
    }

    private void row(String name, double rate, String pgName, double pgRate, String target) {
        line(String.format("| `%s` | %,.0f | %s %,.0f tps | %.2f | %s |", name, rate, pgName, pgRate, rate / pgRate,
                target));
    }

    private static String ticketBody(String title, String org) {
        return "{\"title\":\"" + title + "\",\"description\":\"The printer on floor 2 is offline\",\"priority\":\"HIGH\","
                + "\"service\":\"MANAGED_IT\",\"category\":\"TECHNICAL_ASSISTANCE\""
                + (org == null ? "" : ",\"organizationId\":\"" + org + "\",\"requesterEmail\":\"ben@acme.example\"")
                + ",\"channel\":\"" + (org == null ? "MOBILE" : "PHONE") + "\"}";
    }

    private static Path lua(String name, String token, String body) throws IOException {
        Path file = Files.createTempFile("bench-" + name, ".lua");
        Files.writeString(file, """
                wrk.method = "POST"
                wrk.headers["Authorization"] = "Bearer %s"
                wrk.headers["Content-Type"] = "application/json"
                counter = 0
                request = function()
                  counter = counter + 1
                  return wrk.format(nil, nil, nil, '%s')
                end
                """.formatted(token, body));
        return file;
    }

    private static void warmUp(List<String> target) throws Exception {
        List<String> warm = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + WARMUP));
        warm.addAll(target);
        run(warm);
    }

    private double wrk(String name, List<String> target) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + DURATION, "--latency"));
        command.addAll(target);
        long serviceBefore = cpuNanos(service);
        long postgresBefore = postgresCpuNanos();
        long machineBefore = machineCpuNanos();
        long transactionsBefore = transactions();
        String out = run(command);
        long serviceCpu = cpuNanos(service) - serviceBefore;
        long postgresCpu = postgresCpuNanos() - postgresBefore;
        long machineCpu = machineCpuNanos() - machineBefore;
        // after the CPU readings, so the wait's idle work does not count: PostgreSQL publishes its backends'
        // counters within a second
        Thread.sleep(1500);
        long transactions = transactions() - transactionsBefore;
        Files.writeString(RESULTS.resolve("http-wrk-" + name + ".txt"), out);
        assertThat(out).as("every answer 2xx in " + name).doesNotContain("Non-2xx");
        Matcher requests = Pattern.compile("([0-9]+) requests in").matcher(out);
        long count = requests.find() ? Long.parseLong(requests.group(1)) : 0;
        line(name + ": " + String.join("; ", out.lines().map(String::trim)
                .filter(l -> l.startsWith("Requests/sec") || l.startsWith("50%") || l.startsWith("99%")).toList())
                + String.format("; CPU per request: service %.0f us, PostgreSQL %.0f us, machine %.0f us",
                        serviceCpu / 1e3 / count, postgresCpu / 1e3 / count, machineCpu / 1e3 / count)
                + String.format("; PostgreSQL transactions per request %.2f", (double) transactions / count));
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The one value {@code sql} selects. */
    private static String psqlValue(String sql) throws Exception {
        return run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAc", sql)).trim();
    }

    /** Waits until the outbox worker has delivered the notices of the creates so far (the seeded tickets'). */
    private static void awaitOutboxDelivered() throws Exception {
        Instant until = Instant.now().plusSeconds(180);
        while (Long.parseLong(psqlValue("select count(*) from " + SCHEMA + ".notification where status = 'PENDING'")) > 0) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("The outbox was not delivered within 180 s");
            }
            Thread.sleep(500);
        }
    }

    /** Transactions PostgreSQL counted in this database (an autocommitted statement is one). */
    private static long transactions() throws Exception {
        return Long.parseLong(
                psqlValue("select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'"));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU the whole machine spent (user, nice, system, irq, softirq from /proc/stat; not idle, iowait or the time
     * the hypervisor stole): wrk or pgbench, the service and PostgreSQL together.
     */
    private static long machineCpuNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long jiffies = 0;
            for (int i : new int[] { 1, 2, 3, 6, 7 }) {
                jiffies += Long.parseLong(f[i]);
            }
            return jiffies * 10_000_000L; // USER_HZ 100
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU of every PostgreSQL process of this machine: server, background workers and backends (run as root). */
    private static long postgresCpuNanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(HttpBench::cpuNanos).sum();
    }

    private double pgbench(String name, String script, String... options) throws Exception {
        Path file = Files.createTempFile("pgbench-" + name, ".sql");
        Files.writeString(file, script);
        return pgbench(name, file, options);
    }

    private double pgbench(String name, Path file, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-c",
                CONNECTIONS, "-j", "2", "-T", DURATION.replace("s", ""), "-f", file.toString()));
        command.addAll(List.of(options));
        command.add("postgres");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGOPTIONS", "-c search_path=" + SCHEMA);
        long machineBefore = machineCpuNanos();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        long machineCpu = machineCpuNanos() - machineBefore;
        Files.writeString(RESULTS.resolve("http-pgbench-" + name + ".txt"), out);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        Matcher done = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
        long count = done.find() ? Long.parseLong(done.group(1)) : 1;
        line("pgbench " + name + ": " + m.group(1) + " tps"
                + String.format("; machine CPU per transaction %.0f us", machineCpu / 1e3 / count));
        return Double.parseDouble(m.group(1));
    }

    /** JDK 21+'s {@code jfr view hot-methods} when such a JDK is on the machine (Temurin 25 here). */
    private void hotMethods(Path jfr) throws Exception {
        Path tool = Path.of(System.getProperty("bench.jfr.tool", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr"));
        if (Files.isExecutable(tool)) {
            String out = run(List.of(tool.toString(), "view", "--width", "200", "hot-methods", jfr.toString()));
            Files.writeString(RESULTS.resolve("http-jfr-hot-methods.txt"), out);
            String alloc = run(List.of(tool.toString(), "view", "--width", "200", "allocation-by-site", jfr.toString()));
            Files.writeString(RESULTS.resolve("http-jfr-allocation-by-site.txt"), alloc);
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static void marker(String name) throws Exception {
        run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", "set log_statement = 'all'", "-qc",
                "select 'bench-marker " + name + "'"));
    }

    private static void psql(String sql) throws Exception {
        run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql));
    }

    private static String post(String url, String token, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static long rssMiB(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private void line(String text) {
        summary.append(text).append('\n');
    }
}
