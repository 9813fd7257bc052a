package org.eclipsesol.desk.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of {@link SlaEvaluator} over random ticket histories (up to 20 phase changes over weeks) on both clocks.
 */
class SlaEvaluatorPropertiesTest {

    @Property(tries = 500)
    void countingTimelineAddsUpToElapsed(@ForAll("histories") TicketClockHistory history,
            @ForAll("definitions") TargetDefinition definition, @ForAll("kinds") TargetKind kind,
            @ForAll("afterOpening") Duration sinceOpening) {
        Instant now = history.openedAt().plus(sinceOpening);
        TargetEvaluation evaluation = SlaEvaluator.evaluate(history, definition, kind, now);
        List<TimelineSegment> timeline = SlaEvaluator.timeline(history, definition, kind, now);

        Duration counted = timeline.stream().filter(segment -> segment.kind() == SegmentKind.COUNTING)
                .map(TimelineSegment::clockTime).reduce(Duration.ZERO, Duration::plus);
        assertThat(counted).isEqualTo(evaluation.elapsed());
        assertThat(timeline.stream().filter(segment -> segment.kind() != SegmentKind.COUNTING))
                .allMatch(segment -> segment.clockTime().isZero());

        // Contiguous from openedAt to the end of the timeline; merged, so no two neighbours share a kind.
        Instant end = kind == TargetKind.RESPONSE && evaluation.metAt() != null ? evaluation.metAt() : now;
        if (end.isAfter(history.openedAt())) {
            assertThat(timeline.get(0).from()).isEqualTo(history.openedAt());
            assertThat(timeline.get(timeline.size() - 1).to()).isEqualTo(end);
        } else {
            assertThat(timeline).isEmpty();
        }
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(timeline.get(i).from()).isEqualTo(timeline.get(i - 1).to());
            assertThat(timeline.get(i).kind()).isNotEqualTo(timeline.get(i - 1).kind());
        }
    }

    @Property(tries = 500)
    void evaluationIsConsistent(@ForAll("histories") TicketClockHistory history,
            @ForAll("definitions") TargetDefinition definition, @ForAll("kinds") TargetKind kind,
            @ForAll("afterOpening") Duration sinceOpening) {
        Instant now = history.openedAt().plus(sinceOpening);
        TargetEvaluation evaluation = SlaEvaluator.evaluate(history, definition, kind, now);

        assertThat(evaluation.remaining()).isEqualTo(definition.target().minus(evaluation.elapsed()));
        assertThat(evaluation.elapsed()).isBetween(Duration.ZERO, sinceOpening);
        if (evaluation.dueAt() != null) {
            assertThat(evaluation.dueAt()).isAfterOrEqualTo(history.openedAt());
        }
        if (evaluation.atRiskAt() != null) {
            assertThat(evaluation.atRiskAt()).isAfterOrEqualTo(history.openedAt())
                    .isBeforeOrEqualTo(evaluation.dueAt());
        }
        switch (evaluation.status()) {
            case MET -> assertThat(evaluation.elapsed()).isLessThanOrEqualTo(definition.target());
            case ON_TRACK -> {
                assertThat(evaluation.atRiskAt()).isAfter(now);
                assertThat(evaluation.nextTransitionAt()).isEqualTo(evaluation.atRiskAt());
            }
            case AT_RISK -> {
                assertThat(evaluation.atRiskAt()).isBeforeOrEqualTo(now);
                assertThat(evaluation.dueAt()).isAfter(now);
                assertThat(evaluation.nextTransitionAt()).isEqualTo(evaluation.dueAt());
            }
            case PAUSED -> assertThat(evaluation.dueAt()).isNull();
            case BREACHED -> assertThat(evaluation.elapsed()).isGreaterThanOrEqualTo(definition.target());
            case NOT_APPLICABLE -> assertThat(evaluation.dueAt()).isNull();
        }
        if (evaluation.status() == TargetStatus.ON_TRACK || evaluation.status() == TargetStatus.AT_RISK) {
            // Evaluating again at the due moment, with nothing happening meanwhile, finds the target breached.
            TicketClockHistory knownNow = new TicketClockHistory(history.openedAt(),
                    history.changes().stream().filter(change -> !change.at().isAfter(now)).toList(),
                    history.firstResponseAt() != null && history.firstResponseAt().isAfter(now)
                            ? null
                            : history.firstResponseAt(),
                    history.excluded());
            TargetEvaluation atDue = SlaEvaluator.evaluate(knownNow, definition, kind, evaluation.dueAt());
            assertThat(atDue.elapsed()).isEqualTo(definition.target());
            assertThat(atDue.status()).isEqualTo(TargetStatus.BREACHED);
        }
    }

    @Provide
    Arbitrary<TicketClockHistory> histories() {
        Arbitrary<Instant> opened = Arbitraries.longs()
                .between(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2026-12-31T00:00:00Z").getEpochSecond())
                .map(second -> Instant.ofEpochSecond(second / 60 * 60));
        Arbitrary<List<Long>> gapsInMinutes = Arbitraries.longs().between(0, 3 * 24 * 60).list().ofMaxSize(20);
        Arbitrary<List<TicketPhase>> phases = Arbitraries.of(TicketPhase.class).list().ofSize(20);
        Arbitrary<Long> responseAfterMinutes = Arbitraries.longs().between(-60, 20 * 24 * 60).injectNull(0.3);
        return Combinators.combine(opened, gapsInMinutes, phases, responseAfterMinutes, Arbitraries.integers()
                .between(0, 9)).as(
                        (at, gaps, phaseList, response,
                                excludedDraw) -> {
                            List<PhaseChange> changes = new ArrayList<>();
                            Instant cursor = at.minusSeconds(600); // the first change may predate the opening
                            for (int i = 0; i < gaps.size(); i++) {
                                cursor = cursor.plusSeconds(gaps.get(i) * 60);
                                changes.add(new PhaseChange(cursor, phaseList.get(i)));
                            }
                            Instant firstResponse = response == null ? null : at.plusSeconds(response * 60);
                            return new TicketClockHistory(at, changes, firstResponse, excludedDraw == 0); // 1 in 10
                        });
    }

    @Provide
    Arbitrary<TargetDefinition> definitions() {
        Arbitrary<ServiceClock> clocks = Arbitraries.of(EngineFixtures.BUSINESS, EngineFixtures.ALWAYS);
        Arbitrary<Duration> targets = Arbitraries.longs().between(0, 72 * 60).map(Duration::ofMinutes);
        Arbitrary<Double> shares = Arbitraries.of(0.5, 0.75, 0.9, 1.0);
        return Combinators.combine(targets, clocks, shares).as(TargetDefinition::new);
    }

    @Provide
    Arbitrary<TargetKind> kinds() {
        return Arbitraries.of(TargetKind.class);
    }

    @Provide
    Arbitrary<Duration> afterOpening() {
        return Arbitraries.longs().between(0, 40L * 24 * 3600).map(Duration::ofSeconds);
    }
}
