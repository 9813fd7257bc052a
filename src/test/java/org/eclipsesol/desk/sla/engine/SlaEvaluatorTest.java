package org.eclipsesol.desk.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.BUSINESS;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.CRITICAL_RESOLUTION;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.CRITICAL_RESPONSE;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.HIGH_RESPONSE;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.LOW_RESPONSE;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.MEDIUM_RESOLUTION;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.MEDIUM_RESPONSE;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.denver;
import static org.eclipsesol.desk.sla.engine.TicketPhase.CANCELLED;
import static org.eclipsesol.desk.sla.engine.TicketPhase.CLOSED;
import static org.eclipsesol.desk.sla.engine.TicketPhase.OPEN;
import static org.eclipsesol.desk.sla.engine.TicketPhase.RESOLVED;
import static org.eclipsesol.desk.sla.engine.TicketPhase.WAITING;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaEvaluatorTest {

    /** MEDIUM ticket opened Friday 2026-06-12 16:00, never answered: the response target over the next days. */
    @ParameterizedTest(name = "at {0}: {1}, elapsed {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # now (Denver)    | status   | elapsed | remaining | dueAt            | atRiskAt         | next transition
            2026-06-12T16:00  | ON_TRACK | PT0S    | PT8H      | 2026-06-15T16:00 | 2026-06-15T14:00 | 2026-06-15T14:00
            2026-06-13T12:00  | ON_TRACK | PT1H    | PT7H      | 2026-06-15T16:00 | 2026-06-15T14:00 | 2026-06-15T14:00
            2026-06-15T10:00  | ON_TRACK | PT2H    | PT6H      | 2026-06-15T16:00 | 2026-06-15T14:00 | 2026-06-15T14:00
            2026-06-15T14:00  | AT_RISK  | PT6H    | PT2H      | 2026-06-15T16:00 | 2026-06-15T14:00 | 2026-06-15T16:00
            2026-06-15T16:00  | BREACHED | PT8H    | PT0S      | 2026-06-15T16:00 | 2026-06-15T14:00 |
            2026-06-16T10:00  | BREACHED | PT10H   | PT-2H     | 2026-06-15T16:00 | 2026-06-15T14:00 |
            """)
    void mediumResponseOpenedFridayAfternoon(String now, TargetStatus status, Duration elapsed, Duration remaining,
            String dueAt, String atRiskAt, String nextTransition) {
        TicketClockHistory history = TicketClockHistory.openedAt(denver("2026-06-12T16:00"));
        TargetEvaluation response = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE, denver(now));
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.elapsed()).isEqualTo(elapsed);
        assertThat(response.remaining()).isEqualTo(remaining);
        assertThat(response.target()).isEqualTo(Duration.ofHours(8));
        assertThat(response.clock()).isEqualTo(ClockType.BUSINESS_HOURS);
        assertThat(response.dueAt()).isEqualTo(denver(dueAt));
        assertThat(response.atRiskAt()).isEqualTo(denver(atRiskAt));
        assertThat(response.metAt()).isNull();
        assertThat(response.nextTransitionAt()).isEqualTo(nextTransition == null ? null : denver(nextTransition));
    }

    /** Opening moments across the calendar: when MEDIUM response and resolution fall due. */
    @ParameterizedTest(name = "opened {0}: response due {1}, resolution due {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # opened (Denver)  | response due     | resolution due   | why
            2026-06-12T16:00   | 2026-06-15T16:00 | 2026-06-22T16:00 | Friday afternoon
            2026-06-09T07:30   | 2026-06-09T17:00 | 2026-06-16T17:00 | before 09:00
            2026-06-09T18:00   | 2026-06-10T17:00 | 2026-06-17T17:00 | after 17:00
            2026-06-13T10:00   | 2026-06-15T17:00 | 2026-06-22T17:00 | Saturday
            2026-06-14T10:00   | 2026-06-15T17:00 | 2026-06-22T17:00 | Sunday
            2026-11-26T10:00   | 2026-11-27T17:00 | 2026-12-04T17:00 | Thanksgiving
            2026-12-23T13:00   | 2026-12-24T13:00 | 2027-01-04T13:00 | Christmas and New Year inside
            2026-03-06T16:00   | 2026-03-09T16:00 | 2026-03-16T16:00 | March DST switch on the Sunday
            2026-10-30T16:00   | 2026-11-02T16:00 | 2026-11-09T16:00 | November DST switch on the Sunday
            """)
    void mediumDueMomentsByOpening(String opened, String responseDue, String resolutionDue, String why) {
        TicketClockHistory history = TicketClockHistory.openedAt(denver(opened));
        SlaEvaluation evaluation = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, MEDIUM_RESOLUTION, denver(opened));
        assertThat(evaluation.response().dueAt()).isEqualTo(denver(responseDue));
        assertThat(evaluation.resolution().dueAt()).isEqualTo(denver(resolutionDue));
        assertThat(evaluation.response().elapsed()).isZero();
    }

    @Test
    void businessDaysAroundTheNovemberSwitchAreEightHoursOfClockTime() {
        TicketClockHistory history = TicketClockHistory.openedAt(denver("2026-10-30T16:00"));
        TargetEvaluation monday = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE,
                denver("2026-11-02T09:00"));
        assertThat(monday.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(monday.dueAt()).isEqualTo(Instant.parse("2026-11-02T23:00:00Z")); // 16:00 MST
        // 73 real hours between Friday 16:00 MDT and Monday 16:00 MST, 8 of them business hours.
        assertThat(Duration.between(history.openedAt(), monday.dueAt())).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void criticalResolutionOnTheTwentyFourSevenClockAcrossTheNovemberSwitch() {
        TicketClockHistory history = TicketClockHistory.openedAt(denver("2026-11-01T01:30-06:00"));
        SlaEvaluation evaluation = SlaEvaluator.evaluate(history, CRITICAL_RESPONSE, CRITICAL_RESOLUTION,
                denver("2026-11-01T01:15-07:00")); // the second 01:15, 45 real minutes later
        assertThat(evaluation.resolution().elapsed()).isEqualTo(Duration.ofMinutes(45));
        assertThat(evaluation.resolution().clock()).isEqualTo(ClockType.TWENTY_FOUR_SEVEN);
        assertThat(evaluation.resolution().dueAt()).isEqualTo(denver("2026-11-01T04:30-07:00"));
        assertThat(evaluation.response().status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(evaluation.response().dueAt()).isEqualTo(denver("2026-11-01T01:30-07:00"));
        assertThat(evaluation.nextTransitionAt()).isEqualTo(denver("2026-11-01T01:30-07:00"));
    }

    /** Thursday 15:00 open, waiting on the client from Thursday 16:00 until Monday 11:00. */
    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # now (Denver)   | status   | elapsed | dueAt
            2026-06-11T15:30 | ON_TRACK | PT30M   | 2026-06-12T15:00
            2026-06-11T16:30 | PAUSED   | PT1H    |
            2026-06-13T12:00 | PAUSED   | PT1H    |
            2026-06-15T11:00 | ON_TRACK | PT1H    | 2026-06-16T10:00
            2026-06-15T12:00 | ON_TRACK | PT2H    | 2026-06-16T10:00
            2026-06-16T08:00 | AT_RISK  | PT7H    | 2026-06-16T10:00
            2026-06-16T10:00 | BREACHED | PT8H    | 2026-06-16T10:00
            """)
    void pauseOverNightAndWeekendDoesNotEatBusinessTime(String now, TargetStatus status, Duration elapsed,
            String dueAt) {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-11T15:00"), List.of(
                new PhaseChange(denver("2026-06-11T16:00"), WAITING),
                new PhaseChange(denver("2026-06-15T11:00"), OPEN)), null, false);
        TargetEvaluation response = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE, denver(now));
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.elapsed()).isEqualTo(elapsed);
        assertThat(response.dueAt()).isEqualTo(dueAt == null ? null : denver(dueAt));
        if (status == TargetStatus.PAUSED) {
            assertThat(response.atRiskAt()).isNull();
            assertThat(response.nextTransitionAt()).isNull();
        }
    }

    @Test
    void aPauseMovesTheDueMomentByTheBusinessTimeItCovered() {
        Instant opened = denver("2026-06-11T15:00");
        Instant unpausedDue = SlaEvaluator.evaluate(TicketClockHistory.openedAt(opened), MEDIUM_RESPONSE,
                TargetKind.RESPONSE, opened).dueAt();
        assertThat(unpausedDue).isEqualTo(denver("2026-06-12T15:00"));
        // The pause from Thursday 16:00 to Monday 11:00 covers 1 + 8 + 2 = 11 business hours.
        Instant pausedDue = denver("2026-06-16T10:00");
        assertThat(BUSINESS.addClockTime(unpausedDue, Duration.ofHours(11))).isEqualTo(pausedDue);
    }

    /** MEDIUM ticket resolved, reopened and resolved again: the resolution target along the way. */
    @ParameterizedTest(name = "at {0}: {1}, elapsed {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # now (Denver)   | status   | elapsed | dueAt            | metAt
            2026-06-16T12:00 | ON_TRACK | PT11H   | 2026-06-22T17:00 |
            2026-06-17T12:00 | MET      | PT12H   | 2026-06-22T17:00 | 2026-06-16T13:00
            2026-06-18T12:00 | ON_TRACK | PT15H   | 2026-06-24T13:00 |
            2026-06-19T10:30 | MET      | PT21H   | 2026-06-24T13:00 | 2026-06-19T10:00
            2026-06-22T10:00 | MET      | PT21H   | 2026-06-24T13:00 | 2026-06-19T10:00
            """)
    void reopenResumesTheResolutionClockAndTheLastResolutionDecides(String now, TargetStatus status,
            Duration elapsed, String dueAt, String metAt) {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(
                new PhaseChange(denver("2026-06-16T13:00"), RESOLVED),
                new PhaseChange(denver("2026-06-18T09:00"), OPEN),
                new PhaseChange(denver("2026-06-19T10:00"), RESOLVED),
                new PhaseChange(denver("2026-06-19T12:00"), CLOSED)), denver("2026-06-15T10:00"), false);
        TargetEvaluation resolution = SlaEvaluator.evaluate(history, MEDIUM_RESOLUTION, TargetKind.RESOLUTION,
                denver(now));
        assertThat(resolution.status()).isEqualTo(status);
        assertThat(resolution.elapsed()).isEqualTo(elapsed);
        assertThat(resolution.dueAt()).isEqualTo(denver(dueAt));
        assertThat(resolution.metAt()).isEqualTo(metAt == null ? null : denver(metAt));
        if (status == TargetStatus.MET) {
            assertThat(resolution.atRiskAt()).isNull();
            assertThat(resolution.nextTransitionAt()).isNull();
        }
    }

    @Test
    void resolutionTimelineShowsResolvedStretches() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(
                new PhaseChange(denver("2026-06-16T13:00"), RESOLVED),
                new PhaseChange(denver("2026-06-18T09:00"), OPEN),
                new PhaseChange(denver("2026-06-19T10:00"), RESOLVED),
                new PhaseChange(denver("2026-06-19T12:00"), CLOSED)), denver("2026-06-15T10:00"), false);
        List<TimelineSegment> timeline = SlaEvaluator.timeline(history, MEDIUM_RESOLUTION, TargetKind.RESOLUTION,
                denver("2026-06-22T10:00"));
        assertThat(timeline).containsExactly(
                segment(SegmentKind.COUNTING, "2026-06-15T09:00", "2026-06-15T17:00", 8),
                segment(SegmentKind.OUTSIDE_HOURS, "2026-06-15T17:00", "2026-06-16T09:00", 0),
                segment(SegmentKind.COUNTING, "2026-06-16T09:00", "2026-06-16T13:00", 4),
                segment(SegmentKind.RESOLVED, "2026-06-16T13:00", "2026-06-18T09:00", 0),
                segment(SegmentKind.COUNTING, "2026-06-18T09:00", "2026-06-18T17:00", 8),
                segment(SegmentKind.OUTSIDE_HOURS, "2026-06-18T17:00", "2026-06-19T09:00", 0),
                segment(SegmentKind.COUNTING, "2026-06-19T09:00", "2026-06-19T10:00", 1),
                segment(SegmentKind.RESOLVED, "2026-06-19T10:00", "2026-06-22T10:00", 0));

        List<TimelineSegment> responseTimeline = SlaEvaluator.timeline(history, MEDIUM_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-22T10:00"));
        assertThat(responseTimeline).containsExactly(
                segment(SegmentKind.COUNTING, "2026-06-15T09:00", "2026-06-15T10:00", 1));
    }

    @Test
    void pausedTimelineAndSumOfCountingEqualsElapsed() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-11T15:00"), List.of(
                new PhaseChange(denver("2026-06-11T16:00"), WAITING),
                new PhaseChange(denver("2026-06-15T11:00"), OPEN)), null, false);
        Instant now = denver("2026-06-15T18:00");
        List<TimelineSegment> timeline = SlaEvaluator.timeline(history, MEDIUM_RESPONSE, TargetKind.RESPONSE, now);
        assertThat(timeline).containsExactly(
                segment(SegmentKind.COUNTING, "2026-06-11T15:00", "2026-06-11T16:00", 1),
                segment(SegmentKind.PAUSED, "2026-06-11T16:00", "2026-06-15T11:00", 0),
                segment(SegmentKind.COUNTING, "2026-06-15T11:00", "2026-06-15T17:00", 6),
                segment(SegmentKind.OUTSIDE_HOURS, "2026-06-15T17:00", "2026-06-15T18:00", 0));
        Duration counted = timeline.stream().map(TimelineSegment::clockTime).reduce(Duration.ZERO, Duration::plus);
        assertThat(counted).isEqualTo(
                SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE, now).elapsed());
    }

    @Test
    void priorityChangeReevaluatesFromOpenedAtWithTheNewTargets() {
        TicketClockHistory history = TicketClockHistory.openedAt(denver("2026-06-15T10:00"));
        TargetEvaluation asLow = SlaEvaluator.evaluate(history, LOW_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-15T11:00"));
        assertThat(asLow.dueAt()).isEqualTo(denver("2026-06-18T10:00"));
        assertThat(asLow.status()).isEqualTo(TargetStatus.ON_TRACK);

        TargetEvaluation asHigh = SlaEvaluator.evaluate(history, HIGH_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-15T11:00"));
        assertThat(asHigh.dueAt()).isEqualTo(denver("2026-06-15T12:00"));
        assertThat(asHigh.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(asHigh.status()).isEqualTo(TargetStatus.ON_TRACK);

        TargetEvaluation asCritical = SlaEvaluator.evaluate(history, CRITICAL_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-15T11:30"));
        assertThat(asCritical.status()).isEqualTo(TargetStatus.BREACHED);
        assertThat(asCritical.dueAt()).isEqualTo(denver("2026-06-15T11:00"));
        assertThat(asCritical.remaining()).isEqualTo(Duration.ofMinutes(-30));
    }

    @ParameterizedTest(name = "first response at {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # first response   | status   | elapsed | remaining
            2026-06-15T10:00   | MET      | PT2H    | PT6H
            2026-06-15T16:00   | MET      | PT8H    | PT0S
            2026-06-15T16:30   | BREACHED | PT8H30M | PT-30M
            2026-06-13T11:00   | MET      | PT1H    | PT7H
            """)
    void responseMetInTimeOrLate(String firstResponse, TargetStatus status, Duration elapsed, Duration remaining) {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-12T16:00"), List.of(),
                denver(firstResponse), false);
        TargetEvaluation response = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-17T12:00"));
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.elapsed()).isEqualTo(elapsed);
        assertThat(response.remaining()).isEqualTo(remaining);
        assertThat(response.metAt()).isEqualTo(denver(firstResponse));
        assertThat(response.dueAt()).isEqualTo(denver("2026-06-15T16:00"));
        assertThat(response.atRiskAt()).isNull();
    }

    @Test
    void responseInTheFutureIsIgnored() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-12T16:00"), List.of(),
                denver("2026-06-15T10:00"), false);
        TargetEvaluation response = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-15T09:30"));
        assertThat(response.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(response.metAt()).isNull();
        assertThat(response.elapsed()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void breachedWhilePausedHasNoDueMoment() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(
                new PhaseChange(denver("2026-06-15T15:00"), WAITING)), null, false);
        TargetEvaluation response = SlaEvaluator.evaluate(history, HIGH_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-16T10:00"));
        assertThat(response.status()).isEqualTo(TargetStatus.BREACHED);
        assertThat(response.elapsed()).isEqualTo(Duration.ofHours(6));
        assertThat(response.dueAt()).isNull();
    }

    @Test
    void excludedTicketsAreNotApplicableButReportElapsed() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(), null, true);
        SlaEvaluation evaluation = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, MEDIUM_RESOLUTION,
                denver("2026-06-15T12:00"));
        for (TargetEvaluation target : List.of(evaluation.response(), evaluation.resolution())) {
            assertThat(target.status()).isEqualTo(TargetStatus.NOT_APPLICABLE);
            assertThat(target.elapsed()).isEqualTo(Duration.ofHours(3));
            assertThat(target.dueAt()).isNull();
            assertThat(target.atRiskAt()).isNull();
        }
        assertThat(evaluation.nextTransitionAt()).isNull();
    }

    @Test
    void cancelledTicketsAreNotApplicable() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(
                new PhaseChange(denver("2026-06-15T11:00"), CANCELLED)), null, false);
        SlaEvaluation evaluation = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, MEDIUM_RESOLUTION,
                denver("2026-06-16T12:00"));
        assertThat(evaluation.response().status()).isEqualTo(TargetStatus.NOT_APPLICABLE);
        assertThat(evaluation.resolution().status()).isEqualTo(TargetStatus.NOT_APPLICABLE);
        assertThat(evaluation.resolution().elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(evaluation.resolution().dueAt()).isNull();
        // Before the cancellation the ticket was an ordinary open ticket.
        assertThat(SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, MEDIUM_RESOLUTION, denver("2026-06-15T10:00"))
                .response().status()).isEqualTo(TargetStatus.ON_TRACK);
    }

    @Test
    void resolvingWithoutARecordedResponseMeetsTheResponse() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(
                new PhaseChange(denver("2026-06-15T10:00"), RESOLVED)), null, false);
        TargetEvaluation response = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-16T10:00"));
        assertThat(response.status()).isEqualTo(TargetStatus.MET);
        assertThat(response.metAt()).isEqualTo(denver("2026-06-15T10:00"));
    }

    @Test
    void changesAtOrBeforeOpeningTakeEffectAtOpening() {
        TicketClockHistory history = new TicketClockHistory(denver("2026-06-15T09:00"), List.of(
                new PhaseChange(denver("2026-06-14T09:00"), WAITING)), null, false);
        TargetEvaluation response = SlaEvaluator.evaluate(history, MEDIUM_RESPONSE, TargetKind.RESPONSE,
                denver("2026-06-15T12:00"));
        assertThat(response.status()).isEqualTo(TargetStatus.PAUSED);
        assertThat(response.elapsed()).isZero();
        assertThat(SlaEvaluator.timeline(history, MEDIUM_RESPONSE, TargetKind.RESPONSE, denver("2026-06-15T12:00")))
                .containsExactly(segment(SegmentKind.PAUSED, "2026-06-15T09:00", "2026-06-15T12:00", 0));
    }

    @Test
    void atRiskShareIsConfigurable() {
        TargetDefinition half = new TargetDefinition(Duration.ofHours(8), BUSINESS, 0.5);
        TicketClockHistory history = TicketClockHistory.openedAt(denver("2026-06-15T09:00"));
        TargetEvaluation response = SlaEvaluator.evaluate(history, half, TargetKind.RESPONSE,
                denver("2026-06-15T13:00"));
        assertThat(response.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(response.atRiskAt()).isEqualTo(denver("2026-06-15T13:00"));
        assertThat(new TargetDefinition(Duration.ofSeconds(10, 1), BUSINESS, 0.75).atRiskThreshold())
                .isEqualTo(Duration.ofSeconds(7, 500_000_001)); // 7.50000000075 s, rounded to the nanosecond
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> new TargetDefinition(Duration.ofHours(1), BUSINESS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetDefinition(Duration.ofHours(1), BUSINESS, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetDefinition(Duration.ofHours(-1), BUSINESS, 0.75))
                .isInstanceOf(IllegalArgumentException.class);
        List<PhaseChange> unordered = new ArrayList<>(List.of(
                new PhaseChange(denver("2026-06-15T12:00"), WAITING),
                new PhaseChange(denver("2026-06-15T11:00"), OPEN)));
        assertThatThrownBy(() -> new TicketClockHistory(denver("2026-06-15T09:00"), unordered, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TimelineSegment segment(SegmentKind kind, String from, String to, long clockHours) {
        return new TimelineSegment(kind, denver(from), denver(to), Duration.ofHours(clockHours));
    }
}
