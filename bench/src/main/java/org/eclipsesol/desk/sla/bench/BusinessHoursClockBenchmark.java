package org.eclipsesol.desk.sla.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.eclipsesol.desk.sla.engine.BusinessHoursClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Business-hours arithmetic on the product calendar (Denver, Mon-Fri 09:00-17:00, 11 holidays a year) over a
 * pre-generated table of start instants across 2025-2027 (with nanoseconds, like {@code Instant.now()}) and amounts
 * of 1h to 72h.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BusinessHoursClockBenchmark {

    private static final int SIZE = 4096;

    private BusinessHoursClock clock;
    private final Instant[] starts = new Instant[SIZE];
    private final Instant[] ends = new Instant[SIZE];
    private final Duration[] amounts = new Duration[SIZE];
    private int next;

    @Setup
    public void setUp() {
        clock = BenchCalendars.denverWithHolidays();
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < SIZE; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            amounts[i] = Duration.ofMinutes(random.nextLong(60, 72 * 60 + 1));
            ends[i] = starts[i].plus(Duration.ofMinutes(random.nextLong(60, 14 * 24 * 60)));
        }
    }

    @Benchmark
    public Instant addClockTime() {
        int i = next++ & (SIZE - 1);
        return clock.addClockTime(starts[i], amounts[i]);
    }

    @Benchmark
    public Duration clockTimeBetween() {
        int i = next++ & (SIZE - 1);
        return clock.clockTimeBetween(starts[i], ends[i]);
    }
}
