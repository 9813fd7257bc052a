package org.eclipsesol.desk.sla.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.eclipsesol.desk.sla.engine.BusinessHoursClock;
import org.eclipsesol.desk.sla.engine.PhaseChange;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.SlaEvaluator;
import org.eclipsesol.desk.sla.engine.TargetDefinition;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;
import org.eclipsesol.desk.sla.engine.TicketPhase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluating both targets (MEDIUM: 8h response, 48h resolution, business hours with holidays) of tickets with 20
 * phase changes (10 waits on the client, each followed by a resume), still unanswered and open at evaluation time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SlaEvaluatorBenchmark {

    private static final int SIZE = 256;

    private final TicketClockHistory[] histories = new TicketClockHistory[SIZE];
    private final Instant[] nows = new Instant[SIZE];
    private TargetDefinition response;
    private TargetDefinition resolution;
    private int next;

    @Setup
    public void setUp() {
        BusinessHoursClock clock = BenchCalendars.denverWithHolidays();
        response = TargetDefinition.of(Duration.ofHours(8), clock);
        resolution = TargetDefinition.of(Duration.ofHours(48), clock);
        SplittableRandom random = new SplittableRandom(7);
        long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < SIZE; i++) {
            Instant opened = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            List<PhaseChange> changes = new ArrayList<>();
            Instant at = opened;
            for (int pause = 0; pause < 10; pause++) {
                at = at.plusSeconds(random.nextLong(600, 24 * 3600)); // runs 10 min .. 1 day
                changes.add(new PhaseChange(at, TicketPhase.WAITING));
                at = at.plusSeconds(random.nextLong(600, 3 * 24 * 3600)); // waits 10 min .. 3 days
                changes.add(new PhaseChange(at, TicketPhase.OPEN));
            }
            histories[i] = new TicketClockHistory(opened, changes, null, false);
            nows[i] = at.plusSeconds(random.nextLong(60, 8 * 3600));
        }
    }

    @Benchmark
    public SlaEvaluation evaluateTwentyPauses() {
        int i = next++ & (SIZE - 1);
        return SlaEvaluator.evaluate(histories[i], response, resolution, nows[i]);
    }
}
