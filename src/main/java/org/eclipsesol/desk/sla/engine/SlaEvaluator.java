package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Derives the state of a ticket's service-level targets from its {@link TicketClockHistory}.
 * <p>
 * Both targets run only while the ticket is {@link TicketPhase#OPEN}: {@link TicketPhase#WAITING} pauses them,
 * resolved, closed and cancelled stretches stop them. The response target is met at {@code firstResponseAt} (or at
 * the first resolution, should the ticket be resolved without a recorded response, since resolving is a visible
 * staff action). The resolution target is met at the start of the last resolution when the ticket is resolved or
 * closed at the evaluation moment; a reopen resumes the clock where it stopped.
 * <p>
 * {@link #evaluate} costs one {@code clockTimeBetween} per running stretch plus two {@code addClockTime}; it builds
 * no timeline.
 */
public final class SlaEvaluator {

    private SlaEvaluator() {
    }

    /** Evaluates both targets of a ticket at {@code now}. */
    public static SlaEvaluation evaluate(TicketClockHistory history, TargetDefinition response,
            TargetDefinition resolution, Instant now) {
        return new SlaEvaluation(evaluate(history, response, TargetKind.RESPONSE, now),
                evaluate(history, resolution, TargetKind.RESOLUTION, now));
    }

    /** Evaluates one target of a ticket at {@code now}. */
    public static TargetEvaluation evaluate(TicketClockHistory history, TargetDefinition definition, TargetKind kind,
            Instant now) {
        Objects.requireNonNull(definition, "definition");
        Derivation derivation = new Derivation(history, kind, now);
        ServiceClock clock = definition.clock();
        Duration target = definition.target();

        int runs = derivation.runCount;
        Duration[] runClockTimes = new Duration[runs];
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < runs; i++) {
            runClockTimes[i] = clock.clockTimeBetween(derivation.runStarts[i], derivation.runEnds[i]);
            elapsed = elapsed.plus(runClockTimes[i]);
        }
        Duration remaining = target.minus(elapsed);
        Instant metAt = derivation.metAt;

        TargetStatus status;
        Instant dueAt = null;
        Instant atRiskAt = null;
        boolean notApplicable = history.excluded() || derivation.phaseAtEnd == TicketPhase.CANCELLED;
        if (notApplicable) {
            status = TargetStatus.NOT_APPLICABLE;
        } else if (metAt != null) {
            status = elapsed.compareTo(target) <= 0 ? TargetStatus.MET : TargetStatus.BREACHED;
            dueAt = reachedAt(clock, derivation, runClockTimes, target);
        } else if (derivation.phaseAtEnd == TicketPhase.WAITING) {
            status = elapsed.compareTo(target) >= 0 ? TargetStatus.BREACHED : TargetStatus.PAUSED;
        } else {
            Duration atRiskThreshold = definition.atRiskThreshold();
            dueAt = reachedAt(clock, derivation, runClockTimes, target);
            atRiskAt = reachedAt(clock, derivation, runClockTimes, atRiskThreshold);
            if (elapsed.compareTo(target) >= 0) {
                status = TargetStatus.BREACHED;
            } else if (elapsed.compareTo(atRiskThreshold) >= 0) {
                status = TargetStatus.AT_RISK;
            } else {
                status = TargetStatus.ON_TRACK;
            }
        }
        return new TargetEvaluation(status, target, clock.type(), elapsed, remaining, dueAt, metAt, atRiskAt);
    }

    /**
     * The segments that make up one target's elapsed time: from {@code openedAt} to the moment the response was met
     * (response target) or to {@code now}. Adjacent segments of one kind are merged; the clock time of the
     * {@link SegmentKind#COUNTING} segments adds up to the evaluation's {@code elapsed}.
     */
    public static List<TimelineSegment> timeline(TicketClockHistory history, TargetDefinition definition,
            TargetKind kind, Instant now) {
        Objects.requireNonNull(definition, "definition");
        Derivation derivation = new Derivation(history, kind, now);
        ServiceClock clock = definition.clock();
        Instant end = kind == TargetKind.RESPONSE && derivation.metAt != null ? derivation.metAt : derivation.end;
        List<TimelineSegment> segments = new ArrayList<>();
        for (int i = 0; i < derivation.stretchCount; i++) {
            Instant from = derivation.stretchStarts[i];
            Instant to = i + 1 < derivation.stretchCount ? derivation.stretchStarts[i + 1] : derivation.end;
            if (to.isAfter(end)) {
                to = end;
            }
            if (!to.isAfter(from)) {
                continue;
            }
            switch (derivation.stretchPhases[i]) {
                case OPEN -> {
                    for (ClockSpan span : clock.spans(from, to)) {
                        if (span.counting()) {
                            append(segments, new TimelineSegment(SegmentKind.COUNTING, span.from(), span.to(),
                                    span.length()));
                        } else {
                            append(segments, new TimelineSegment(SegmentKind.OUTSIDE_HOURS, span.from(), span.to(),
                                    Duration.ZERO));
                        }
                    }
                }
                case WAITING -> append(segments, new TimelineSegment(SegmentKind.PAUSED, from, to, Duration.ZERO));
                default -> append(segments, new TimelineSegment(SegmentKind.RESOLVED, from, to, Duration.ZERO));
            }
        }
        return segments;
    }

    /**
     * The instant the target's elapsed time reaches {@code threshold}: inside the run where the running total crosses
     * it, else projected from the start of the last run (the last resume) as if the clock kept running.
     */
    private static Instant reachedAt(ServiceClock clock, Derivation derivation, Duration[] runClockTimes,
            Duration threshold) {
        int runs = derivation.runCount;
        if (runs == 0) {
            // Met without ever running (e.g. answered the moment it was opened): the due moment as opened.
            return clock.addClockTime(derivation.openedAt, threshold);
        }
        Duration before = Duration.ZERO;
        for (int i = 0; i < runs; i++) {
            Duration after = before.plus(runClockTimes[i]);
            if (i == runs - 1 || after.compareTo(threshold) >= 0) {
                Duration left = threshold.minus(before);
                return clock.addClockTime(derivation.runStarts[i], left.isNegative() ? Duration.ZERO : left);
            }
            before = after;
        }
        throw new AssertionError("unreachable");
    }

    private static void append(List<TimelineSegment> segments, TimelineSegment segment) {
        int last = segments.size() - 1;
        if (last >= 0) {
            TimelineSegment previous = segments.get(last);
            if (previous.kind() == segment.kind() && previous.to().equals(segment.from())) {
                segments.set(last, new TimelineSegment(segment.kind(), previous.from(), segment.to(),
                        previous.clockTime().plus(segment.clockTime())));
                return;
            }
        }
        segments.add(segment);
    }

    /**
     * The phase stretches of a ticket up to the evaluation moment, the moment a target was met, and the stretches in
     * which the target's clock ran.
     */
    private static final class Derivation {

        final Instant openedAt;
        /** The evaluation moment, never before {@code openedAt}. */
        final Instant end;
        final Instant[] stretchStarts;
        final TicketPhase[] stretchPhases;
        int stretchCount;
        TicketPhase phaseAtEnd;
        Instant metAt;
        final Instant[] runStarts;
        final Instant[] runEnds;
        int runCount;

        Derivation(TicketClockHistory history, TargetKind kind, Instant now) {
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(now, "now");
            openedAt = history.openedAt();
            end = now.isBefore(openedAt) ? openedAt : now;
            List<PhaseChange> changes = history.changes();
            int capacity = changes.size() + 1;
            stretchStarts = new Instant[capacity];
            stretchPhases = new TicketPhase[capacity];
            runStarts = new Instant[capacity];
            runEnds = new Instant[capacity];

            // Stretches of distinct consecutive phases over [openedAt, end]; a change at exactly `end` opens a
            // zero-length last stretch so that phaseAtEnd is the phase in force at `end`.
            Instant firstResolutionAt = null;
            Instant resolvedSince = null;
            TicketPhase phase = TicketPhase.OPEN;
            stretchStarts[0] = openedAt;
            stretchPhases[0] = phase;
            stretchCount = 1;
            for (PhaseChange change : changes) {
                if (change.at().isAfter(end)) {
                    break;
                }
                if (change.phase() == phase) {
                    continue;
                }
                Instant at = change.at().isBefore(openedAt) ? openedAt : change.at();
                if (stretchStarts[stretchCount - 1].equals(at)) {
                    stretchPhases[stretchCount - 1] = change.phase(); // superseded at the same instant
                    if (stretchCount > 1 && stretchPhases[stretchCount - 2] == change.phase()) {
                        stretchCount--; // back to the phase before: the two stretches are one
                    }
                } else {
                    stretchStarts[stretchCount] = at;
                    stretchPhases[stretchCount] = change.phase();
                    stretchCount++;
                }
                if (change.phase().isResolved() && !phase.isResolved()) {
                    resolvedSince = at;
                    if (firstResolutionAt == null) {
                        firstResolutionAt = at;
                    }
                } else if (!change.phase().isResolved()) {
                    resolvedSince = null;
                }
                phase = change.phase();
            }
            phaseAtEnd = phase;

            if (kind == TargetKind.RESPONSE) {
                Instant response = history.firstResponseAt();
                if (response != null && !response.isAfter(end)) {
                    metAt = response.isBefore(openedAt) ? openedAt : response;
                }
                if (firstResolutionAt != null && (metAt == null || firstResolutionAt.isBefore(metAt))) {
                    metAt = firstResolutionAt;
                }
            } else if (phaseAtEnd.isResolved()) {
                metAt = resolvedSince;
            }

            Instant stop = metAt != null ? metAt : end;
            for (int i = 0; i < stretchCount; i++) {
                if (stretchPhases[i] != TicketPhase.OPEN) {
                    continue;
                }
                Instant from = stretchStarts[i];
                Instant to = i + 1 < stretchCount ? stretchStarts[i + 1] : end;
                if (to.isAfter(stop)) {
                    to = stop;
                }
                // A zero-length run is kept only when it is the clock running at `end` (the last resume).
                if (to.isAfter(from) || (metAt == null && i == stretchCount - 1)) {
                    runStarts[runCount] = from;
                    runEnds[runCount] = to;
                    runCount++;
                }
            }
        }
    }
}
