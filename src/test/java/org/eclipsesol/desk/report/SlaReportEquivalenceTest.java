package org.eclipsesol.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TESS;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipsesol.desk.report.app.ReportRollup;
import org.eclipsesol.desk.report.app.SlaReport;
import org.eclipsesol.desk.report.app.SlaReportRow;
import org.eclipsesol.desk.report.app.SlaReportService;
import org.eclipsesol.desk.report.app.SlaReportService.GroupBy;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.security.Role;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Policies;
import org.eclipsesol.desk.support.TestClock;
import org.eclipsesol.desk.ticket.app.SlaFiguresBackfill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The SQL report over stored decided figures equals the engine-based report (every ticket evaluated at the same
 * moment, {@link EngineSlaReport}) on a few thousand generated tickets (the CI-sized run of the bench generator,
 * bench/data/generate-tickets.sql): pauses, reopens, cancellations, exclusions, overrides, an agreement, two policy
 * versions, a tenth of the rows not backfilled yet (evaluated live), for every groupBy, for staff and for a client.
 */
@QuarkusTest
class SlaReportEquivalenceTest {

    static final int TICKETS = 3000;

    @Inject
    SlaReportService reports;

    @Inject
    EngineSlaReport engine;

    @Inject
    SlaFiguresBackfill backfill;

    @Inject
    DataSource dataSource;

    @Inject
    ReportRollup rollup;

    private final List<UUID> orgs = new ArrayList<>();

    /**
     * The generated tickets go again: the suite shares one schema, and thousands of open tickets would make every
     * later holiday edit (which re-derives all open tickets in its request) slow for the tests that follow.
     */
    @AfterEach
    void removeGeneratedTickets() {
        if (!orgs.isEmpty()) {
            Db.update("delete from ticket where organization_id::text = any(string_to_array(?, ','))",
                    String.join(",", orgs.stream().map(UUID::toString).toList()));
        }
        // the rollup goes too: the other report tests read their tickets live
        Db.update("delete from report_rollup_state");
        Db.update("delete from report_rollup");
        Db.update("delete from report_unrolled");
        Db.update("update ticket set report_rolled = false where report_rolled");
    }

    @Test
    void sqlReportEqualsEngineReport() throws Exception {
        for (int i = 0; i < 3; i++) {
            orgs.add(UUID.fromString(as(SAM).body(Map.of("name", Fixtures.unique("Scale Co " + i), "emailDomains", List.of()))
                    .post("/api/v1/organizations").then().statusCode(201).extract().path("id")));
        }
        as(SAM).body(Map.of("coveredServices", List.of("MANAGED_IT", "PHONE_SYSTEMS"), "targets",
                Map.of("HIGH", Map.of("response", "PT1H", "resolution", "PT8H"))))
                .put("/api/v1/organizations/" + orgs.get(1) + "/agreement").then().statusCode(200);
        int faster = publishFasterPolicy();
        as(TOM).get("/api/v1/me").then().statusCode(200);
        as(TESS).get("/api/v1/me").then().statusCode(200);
        List<String> staff = Db.rows("select id from app_user where email in (?, ?) order by id", TOM, TESS).stream()
                .map(r -> r.get("id")).toList();

        Instant now = TestClock.now();
        generate(now.minusSeconds(60), orgs, staff);
        String orgList = String.join(",", orgs.stream().map(UUID::toString).toList());
        String ours = "organization_id::text = any(string_to_array(?, ','))";
        Db.update("update ticket set policy_version = ? where " + ours + " and number % 7 = 0", faster, orgList);
        backfill.runOnce();
        // A tenth as if the backfill had not reached them yet: the report evaluates them live.
        Db.update("""
                update ticket set sla_figures_version = 0, sla_response_on_time = null, sla_resolution_on_time = null,
                  sla_response_elapsed_us = null, sla_resolution_elapsed_us = null
                where organization_id::text = any(string_to_array(?, ',')) and number % 10 = 3""", orgList);
        long stored = Db.count("select count(*) from ticket where " + ours + " and sla_figures_version = 1"
                + " and sla_resolution_on_time is not null", orgList);
        assertThat(stored).as("most rows are decided and aggregated in SQL").isGreaterThan(TICKETS / 2);

        Caller supervisor = new Caller(SAM, "Sam", SAM, Set.of(Role.SUPERVISOR, Role.TECHNICIAN), null);
        Instant at = TestClock.now();
        Instant from = at.minus(Duration.ofDays(300));
        assertEqualsEngine(supervisor, from, at);
        SlaReport exact = reports.report(supervisor, from.toString(), at.toString(), "ORGANIZATION", null, at);

        // Rolled up: the settled tickets' figures come from the day rollup, the same counts and averages result, the
        // percentiles within 5 % of the exact ones.
        int rolled = rollup.runOnce();
        assertThat(rolled).as("settled tickets rolled").isGreaterThan(TICKETS / 2);
        assertThat(Db.count("select count(*) from report_rollup")).isPositive();
        assertEqualsEngine(supervisor, from, at);
        SlaReport approximate = reports.report(supervisor, from.toString(), at.toString(), "ORGANIZATION", null, at);
        assertThat(approximate.rows()).hasSameSizeAs(exact.rows());
        for (int i = 0; i < exact.rows().size(); i++) {
            assertClose(approximate.rows().get(i).resolution(), exact.rows().get(i).resolution());
            assertClose(approximate.rows().get(i).response(), exact.rows().get(i).response());
            assertThat(approximate.rows().get(i).backlog()).isEqualTo(exact.rows().get(i).backlog());
            assertThat(approximate.rows().get(i).satisfaction()).isEqualTo(exact.rows().get(i).satisfaction());
        }

        // Rolled tickets that change or go leave the rollup in their own transaction: the next report is right before
        // the rollup job has run, and after.
        Db.update("update ticket set assignee_id = ?, satisfaction_rating = 'BAD' where report_rolled and " + ours
                + " and number % 5 = 0", staff.get(0), orgList);
        Db.update("delete from ticket where report_rolled and " + ours + " and number % 11 = 0", orgList);
        assertThat(Db.count("select count(*) from report_unrolled")).isPositive();
        assertEqualsEngine(supervisor, from, at);
        SlaReport changed = reports.report(supervisor, from.toString(), at.toString(), "ASSIGNEE", null, at);
        assertThat(changed.total().satisfaction().bad()).isEqualTo(
                Db.count("select count(*) from ticket where satisfaction_rating = 'BAD' and " + ours, orgList));
        rollup.runOnce();
        assertThat(Db.count("select count(*) from report_unrolled")).isZero();
        assertEqualsEngine(supervisor, from, at);
        // The same totals after the job as before it; the percentiles within the histogram's 5 %, since before the job
        // the changed tickets were read live (exact) and after it they come from the rollup (histogram buckets). An
        // exact comparison passed or failed by where the test clock put the generated tickets' days.
        SlaReportRow after = reports.report(supervisor, from.toString(), at.toString(), "ASSIGNEE", null, at).total();
        assertThat(row(after)).isEqualTo(row(changed.total()));
        assertThat(after.backlog()).isEqualTo(changed.total().backlog());
        assertThat(after.reopened()).isEqualTo(changed.total().reopened());
        assertThat(after.satisfaction()).isEqualTo(changed.total().satisfaction());
        assertClose(after.response(), changed.total().response());
        assertClose(after.resolution(), changed.total().resolution());

        // Keyed by another zone's days (as after a policy's zone changed): the job unmarks every rolled ticket and rolls
        // them again by the policy's days; the report stays right.
        String zone = Db.rows("select zone from report_rollup_state").get(0).get("zone");
        Db.update("update report_rollup_state set zone = 'Pacific/Chatham'");
        long rolledBefore = Db.count("select count(*) from ticket where report_rolled");
        assertThat(rollup.runOnce()).isGreaterThanOrEqualTo((int) rolledBefore * 2);
        assertThat(Db.rows("select zone from report_rollup_state").get(0).get("zone")).isEqualTo(zone);
        assertThat(Db.count("select count(*) from ticket where report_rolled")).isEqualTo(rolledBefore);
        assertEqualsEngine(supervisor, from, at);
    }

    /** Within 5 % (the histogram's bucket width) and a second of the exact percentile. */
    private static void assertClose(SlaReportRow.TargetFigures approximate, SlaReportRow.TargetFigures exact) {
        Duration[][] pairs = { { approximate.medianElapsed(), exact.medianElapsed() },
                { approximate.p90Elapsed(), exact.p90Elapsed() }, { approximate.medianCalendar(), exact.medianCalendar() },
                { approximate.p90Calendar(), exact.p90Calendar() } };
        for (Duration[] pair : pairs) {
            if (pair[1] == null) {
                assertThat(pair[0]).isNull();
                continue;
            }
            long tolerance = Math.max(1, pair[1].getSeconds() / 20);
            assertThat(pair[0].getSeconds()).isBetween(pair[1].getSeconds() - tolerance, pair[1].getSeconds() + tolerance);
        }
    }

    /** Every groupBy, a client's report and a monthly series equal the engine's report over the same tickets. */
    private void assertEqualsEngine(Caller supervisor, Instant from, Instant at) {
        for (GroupBy groupBy : GroupBy.values()) {
            SlaReport report = reports.report(supervisor, from.toString(), at.toString(), groupBy.name(), null, at);
            assertThat(rows(report.rows(), report.total())).as(groupBy.name())
                    .isEqualTo(engine.report(supervisor, from, at, groupBy, at));
            assertThat(report.total().tickets()).isGreaterThanOrEqualTo(TICKETS * 9 / 10);
        }
        Caller client = new Caller("client@scale.example", "Client", "client@scale.example", Set.of(Role.CLIENT),
                new OrganizationRef(orgs.get(1), "Scale Co 1"));
        SlaReport own = reports.report(client, from.toString(), at.toString(), "ORGANIZATION", null, at);
        assertThat(own.rows()).extracting(SlaReportRow::key).containsExactly(orgs.get(1).toString());
        assertThat(rows(own.rows(), own.total())).isEqualTo(engine.report(client, from, at, GroupBy.ORGANIZATION, at));

        // A trend series: each month equals the engine's report over that month; the months add up to the whole.
        SlaReport monthly = reports.report(supervisor, from.toString(), at.toString(), "PRIORITY", "MONTH", at);
        assertThat(monthly.series()).hasSizeBetween(10, 12);
        long sum = 0;
        for (SlaReport.Period period : monthly.series()) {
            sum += period.total().tickets();
            assertThat(rows(period.rows(), period.total())).as(period.from().toString())
                    .isEqualTo(engine.report(supervisor, period.from(), period.to(), GroupBy.PRIORITY, at));
        }
        assertThat(sum).isEqualTo(monthly.total().tickets());

        // New figures: reopened and backlog as the rows say; percentiles ordered.
        SlaReport byOrg = reports.report(supervisor, from.toString(), at.toString(), "ORGANIZATION", null, at);
        SlaReportRow org0 = byOrg.rows().stream().filter(r -> r.key().equals(orgs.get(0).toString())).findFirst()
                .orElseThrow();
        assertThat(org0.reopened()).isEqualTo(Db.count("""
                select count(*) from ticket t where organization_id = ? and exists (
                  select 1 from jsonb_array_elements(t.phase_log) with ordinality a(v, n)
                  join jsonb_array_elements(t.phase_log) with ordinality b(v, m) on m = n + 1
                  where a.v ->> 'phase' = 'RESOLVED' and b.v ->> 'phase' in ('OPEN', 'WAITING'))""", orgs.get(0)))
                .isPositive();
        assertThat(org0.backlog()).isEqualTo(Db.count(
                "select count(*) from ticket where organization_id = ? and status in ('NEW', 'IN_PROGRESS', 'WAITING_ON_CLIENT')",
                orgs.get(0))).isPositive();
        SlaReportRow.TargetFigures resolution = org0.resolution();
        assertThat(resolution.medianElapsed()).isNotNull();
        assertThat(resolution.p90Elapsed()).isGreaterThanOrEqualTo(resolution.medianElapsed());
        assertThat(resolution.p90Calendar()).isGreaterThanOrEqualTo(resolution.medianCalendar());
        assertThat(resolution.medianCalendar()).isGreaterThanOrEqualTo(resolution.medianElapsed());
    }

    private static List<EngineSlaReport.Row> rows(List<SlaReportRow> rows, SlaReportRow total) {
        List<EngineSlaReport.Row> list = new ArrayList<>();
        for (SlaReportRow r : rows) {
            list.add(row(r));
        }
        list.add(row(total));
        return list;
    }

    private static EngineSlaReport.Row row(SlaReportRow r) {
        return new EngineSlaReport.Row(r.key(), r.label(), r.tickets(), r.excluded(), r.cancelled(), r.billable(),
                r.response().met(), r.response().breached(), r.response().open(), r.response().averageElapsed(),
                r.resolution().met(), r.resolution().breached(), r.resolution().open(), r.resolution().averageElapsed());
    }

    /** Publishes a version with faster targets and at once the published policy again; returns the faster one. */
    private static int publishFasterPolicy() {
        Map<String, Object> faster = policy("Faster targets (report equivalence test, reverted at once)");
        @SuppressWarnings("unchecked")
        Map<String, Object> targets = (Map<String, Object>) faster.get("targets");
        targets.put("MEDIUM", target("BUSINESS_HOURS", "PT4H", "PT24H"));
        targets.put("CRITICAL", target("TWENTY_FOUR_SEVEN", "PT30M", "PT2H"));
        faster.put("atRiskShare", 0.5);
        try {
            return as(SAM).body(faster).post("/api/v1/sla/policies").then().statusCode(201).extract().path("version");
        } finally {
            as(SAM).body(policy("Back to the published support policy")).post("/api/v1/sla/policies").then()
                    .statusCode(201);
        }
    }

    private static Map<String, Object> policy(String note) {
        return Policies.v1Equivalent(note);
    }

    private static Map<String, Object> target(String clock, String response, String resolution) {
        return Policies.target(clock, response, resolution);
    }

    /** Runs the bench generator (the CI-sized run) into the test schema. */
    private void generate(Instant now, List<UUID> orgs, List<String> assignees) throws Exception {
        String script = Files.readString(Path.of("bench/data/generate-tickets.sql"));
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create temp table bench_params (n int, now_at timestamptz, span interval, seed float8,"
                        + " orgs uuid[], assignees text[])");
            }
            try (PreparedStatement p = c
                    .prepareStatement("insert into bench_params values (?, ?, interval '290 days', 0.42, ?, ?)")) {
                p.setInt(1, TICKETS);
                p.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                p.setArray(3, c.createArrayOf("uuid", orgs.toArray()));
                p.setArray(4, c.createArrayOf("text", assignees.toArray()));
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute(script);
                s.execute("drop table bench_params");
            }
        }
    }
}
