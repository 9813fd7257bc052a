package org.eclipsesol.desk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults of the application process: kill -9 during writers, SIGTERM during writes (graceful shutdown), and
 * starting while PostgreSQL is down (bounded retries, then one line and exit 1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT extends FaultSuite {

    static PrivatePostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.create();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Order(1)
    void killNineDuringWriters() throws Exception {
        try (PackagedApp app = new PackagedApp(pg, Map.of())) {
            app.start(Duration.ofSeconds(90));
            createOrganization(app);
            try (Load load = new Load(app).writers(LONG ? 8 : 6)) {
                sleep(Duration.ofSeconds(LONG ? 5 : 2));
                app.kill9();
                long killed = System.nanoTime();
                int before = load.acknowledged.size();
                app.start(Duration.ofSeconds(90));
                long ready = System.nanoTime();
                sleep(Duration.ofSeconds(2));
                load.stop(Duration.ofSeconds(20));
                List<Load.Outcome> all = new ArrayList<>(load.outcomes);
                List<Load.Outcome> afterRestart = load.between(ready, Long.MAX_VALUE);
                double recovery = load.recoverySeconds(ready);
                report("kill -9 of the application under " + (LONG ? 8 : 6) + " writers, restarted at once",
                        "all: " + Load.histogram(all) + "; after restart: " + Load.histogram(afterRestart) + "; acknowledged "
                                + before + " before the kill, " + load.acknowledged.size() + " in all; abandoned "
                                + load.abandoned.size(),
                        seconds((ready - killed) / 1e9) + " to ready again, then " + seconds(recovery));
                // Resets and refused connections while the process is gone are expected; nothing else.
                assertThat(Load.violations(all, true)).isEmpty();
                assertThat(Load.violations(afterRestart, false)).isEmpty();
                assertThat(load.abandoned).isEmpty();
                assertExactlyOnce(pg, load);
            }
        }
    }

    @Test
    @Order(2)
    void sigtermDuringWrites() throws Exception {
        try (PackagedApp app = new PackagedApp(pg, Map.of())) {
            app.start(Duration.ofSeconds(90));
            createOrganization(app);
            try (Load load = new Load(app).writers(LONG ? 8 : 6)) {
                sleep(Duration.ofSeconds(2));
                long term = System.nanoTime();
                app.sigterm();
                // Readiness turns DOWN at once, while requests are still served during the delay.
                // The JVM runs the shutdown hooks a moment after the signal (longer on a busy machine): readiness must
                // be DOWN within the shutdown delay (1 s), while requests are still being served.
                long t = System.nanoTime();
                int readiness = app.readiness(Duration.ofSeconds(2));
                while (readiness != 503 && System.nanoTime() - term < 1_000_000_000L) {
                    sleep(Duration.ofMillis(20));
                    readiness = app.readiness(Duration.ofSeconds(2));
                }
                double readinessAnswer = (System.nanoTime() - t) / 1e9;
                int exit = app.awaitExit(Duration.ofSeconds(30));
                double exitAfter = (System.nanoTime() - term) / 1e9;
                List<Load.Outcome> inFlight = load.outcomes.stream()
                        .filter(o -> o.startNanos() < term && o.endNanos() > term).toList();
                List<Load.Outcome> startedBefore = load.outcomes.stream().filter(o -> o.startNanos() < term).toList();
                long exited = System.nanoTime();
                List<Load.Outcome> afterTerm = load.between(term, exited);
                // The writers retry their keys on a new process.
                app.start(Duration.ofSeconds(90));
                sleep(Duration.ofSeconds(1));
                load.stop(Duration.ofSeconds(20));
                long errors = app.logLines().stream().filter(l -> l.contains(" ERROR ")).count();
                report("SIGTERM during " + (LONG ? 8 : 6) + " writers (SHUTDOWN_DELAY 1 s, SHUTDOWN_TIMEOUT 10 s)",
                        "readiness " + readiness + " " + seconds(readinessAnswer) + " after SIGTERM; in flight at SIGTERM: "
                                + Load.histogram(inFlight) + "; started after: " + Load.histogram(afterTerm) + "; exit "
                                + exit + " after " + seconds(exitAfter) + "; acknowledged " + load.acknowledged.size()
                                + ", ERROR lines " + errors,
                        "n/a (new process ready in the next step)");
                assertThat(readiness).isEqualTo(503);
                assertThat(Load.violations(startedBefore, false)).as("no request in flight at SIGTERM is reset").isEmpty();
                assertThat(exitAfter).as("exits once the in-flight requests are done, not at the time-out").isLessThan(8);
                assertThat(errors).as(app.tail(40)).isZero();
                assertThat(inFlight).allMatch(Load.Outcome::success);
                assertThat(exit).isIn(0, 143);
                assertThat(load.abandoned).isEmpty();
                assertExactlyOnce(pg, load);
            }
        }
    }

    @Test
    @Order(3)
    void startedWhileDatabaseIsDownThenComesUp() throws Exception {
        pg.stop("fast");
        try (PackagedApp app = new PackagedApp(pg, Map.of("DB_STARTUP_RETRIES", "4"))) {
            long launched = System.nanoTime();
            app.launch();
            sleep(Duration.ofSeconds(3));
            pg.start();
            long up = System.nanoTime();
            app.awaitReady(Duration.ofSeconds(60));
            double ready = (System.nanoTime() - up) / 1e9;
            long stackLines = app.logLines().stream().filter(l -> l.startsWith("\tat ")).count();
            report("application started while PostgreSQL is down; PostgreSQL up 3 s later",
                    "started and ready; stack-trace lines " + stackLines, seconds(ready) + " after PostgreSQL came up ("
                            + seconds((System.nanoTime() - launched) / 1e9) + " after launch)");
            // The next connection attempt comes within the backoff (at most a few seconds); the rest is the boot
            // itself (Flyway, Hibernate, C1-only JIT), which took 22 s once on a 2-core machine at load 12.
            assertThat(ready).isLessThan(40);
            assertThat(stackLines).isZero();
        }
    }

    @Test
    @Order(4)
    void startedWhileDatabaseStaysDown() throws Exception {
        pg.stop("fast");
        try (PackagedApp app = new PackagedApp(pg, Map.of("DB_STARTUP_RETRIES", "2"))) {
            long launched = System.nanoTime();
            app.launch();
            int exit = app.awaitExit(Duration.ofSeconds(60));
            double after = (System.nanoTime() - launched) / 1e9;
            List<String> lines = app.logLines();
            List<String> reason = lines.stream().filter(l -> l.contains("did not start")).toList();
            long stackLines = lines.stream().filter(l -> l.startsWith("\tat ")).count();
            long errors = lines.stream().filter(l -> l.contains(" ERROR ")).count();
            report("application started while PostgreSQL stays down (DB_STARTUP_RETRIES=2)",
                    "exit " + exit + " after " + seconds(after) + "; " + reason.size() + " reason line, " + errors
                            + " ERROR lines, " + stackLines + " stack-trace lines: "
                            + (reason.isEmpty() ? "" : reason.get(0).replaceAll("^.*\\) ", "")),
                    "n/a");
            assertThat(exit).isEqualTo(1);
            assertThat(after).isLessThan(30);
            assertThat(reason).hasSize(1);
            assertThat(errors).isEqualTo(1);
            assertThat(stackLines).isZero();
        } finally {
            pg.start();
        }
    }
}
