package org.eclipsesol.desk.report.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The rollup's histograms (ReportRollup.Histogram): merged in any split, with entries added and taken away again,
 * they give the percentiles of the values they hold within 5 % of PostgreSQL's percentile_cont (plus a second).
 */
class RollupHistogramPropertiesTest {

    @Property(tries = 300)
    void mergedHistogramsGivePercentilesWithinFivePercent(
            @ForAll @Size(min = 1, max = 400) List<@LongRange(min = 0, max = 40_000_000_000_000L) Long> micros,
            @ForAll @LongRange(min = 1, max = 7) long parts) {
        ReportRollup.Histogram whole = new ReportRollup.Histogram();
        List<ReportRollup.Histogram> pieces = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            pieces.add(new ReportRollup.Histogram());
        }
        for (int i = 0; i < micros.size(); i++) {
            ReportRollup.Histogram piece = pieces.get((int) (i % parts));
            piece.add(micros.get(i), 1);
            piece.add(micros.get((i * 7) % micros.size()), 1); // added and taken away again, as a queued change
            piece.add(micros.get((i * 7) % micros.size()), -1);
        }
        // through the stored form, as the rollup rows are
        for (ReportRollup.Histogram piece : pieces) {
            ReportRollup.Histogram[] decoded = { new ReportRollup.Histogram(), new ReportRollup.Histogram(),
                    new ReportRollup.Histogram(), new ReportRollup.Histogram() };
            ReportRollup.Histogram.decode(ReportRollup.Histogram.encode(new ReportRollup.Histogram[] { piece, piece,
                    new ReportRollup.Histogram(), piece }), decoded);
            whole.add(decoded[3], 1);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        for (double share : new double[] { 0.5, 0.9 }) {
            double exactMicros = percentileCont(sorted, share);
            Duration approximate = whole.percentile(share);
            double exactSeconds = exactMicros / 1e6;
            // interpolating across two buckets can be off by both buckets' width
            double tolerance = Math.max(1.0, exactSeconds * 0.0525);
            assertThat(approximate.toMillis() / 1000.0).isBetween(exactSeconds - tolerance - 1, exactSeconds + tolerance + 1);
        }
    }

    @Property(tries = 100)
    void takingEverythingAwayLeavesItEmpty(
            @ForAll @Size(min = 1, max = 100) List<@LongRange(min = 0, max = 40_000_000_000_000L) Long> micros) {
        ReportRollup.Histogram h = new ReportRollup.Histogram();
        ReportRollup.Histogram other = new ReportRollup.Histogram();
        micros.forEach(m -> h.add(m, 1));
        micros.forEach(m -> other.add(m, 1));
        h.add(other, -1);
        assertThat(h.isEmpty()).isTrue();
        assertThat(h.percentile(0.5)).isNull();
    }

    private static double percentileCont(List<Long> sorted, double share) {
        double position = share * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.size() - 1, below + 1);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
    }
}
