package org.eclipsesol.desk.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of {@link BusinessHoursClock} over random calendars (zones with unusual DST rules, random weekly hours and
 * holiday sets), random starts over 2025-2028 biased towards DST switch days, and random amounts up to ~200 hours.
 */
class BusinessHoursClockPropertiesTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2029-01-01T00:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/Denver"), ZoneId.of("Europe/London"),
            ZoneId.of("America/Santiago"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"));

    @Property(tries = 1000)
    void addThenMeasureRoundTrips(@ForAll("clocks") BusinessHoursClock clock, @ForAll("instants") Instant start,
            @ForAll("amounts") Duration amount) {
        Instant due = clock.addClockTime(start, amount);
        assertThat(due).isAfterOrEqualTo(start);
        assertThat(clock.clockTimeBetween(start, due)).isEqualTo(amount);
        if (!amount.isZero()) {
            // Earliest: a nanosecond earlier the amount is not reached yet.
            assertThat(clock.clockTimeBetween(start, due.minusNanos(1))).isLessThan(amount);
            assertThat(clock.isCounting(due.minusNanos(1))).isTrue();
        }
    }

    @Property(tries = 500)
    void addIsMonotonicInAmount(@ForAll("clocks") BusinessHoursClock clock, @ForAll("instants") Instant start,
            @ForAll("amounts") Duration a, @ForAll("amounts") Duration b) {
        Duration smaller = a.compareTo(b) <= 0 ? a : b;
        Duration larger = a.compareTo(b) <= 0 ? b : a;
        assertThat(clock.addClockTime(start, smaller)).isBeforeOrEqualTo(clock.addClockTime(start, larger));
    }

    @Property(tries = 500)
    void addIsMonotonicInStart(@ForAll("clocks") BusinessHoursClock clock, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b, @ForAll("amounts") Duration amount) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        assertThat(clock.addClockTime(earlier, amount)).isBeforeOrEqualTo(clock.addClockTime(later, amount));
    }

    /** Stopping the clock over a stretch holding P of clock time moves the due moment by exactly P of clock time. */
    @Property(tries = 500)
    void aPauseMovesTheDueMomentByItsClockTime(@ForAll("clocks") BusinessHoursClock clock,
            @ForAll("instants") Instant start, @ForAll("amounts") Duration target,
            @ForAll("fractions") double pauseAt, @ForAll("amounts") Duration pauseLength) {
        Instant unpausedDue = clock.addClockTime(start, target);
        Instant pauseFrom = start.plusSeconds((long) (Duration.between(start, unpausedDue).getSeconds() * pauseAt));
        Instant pauseTo = pauseFrom.plus(pauseLength);
        Duration elapsedBeforePause = clock.clockTimeBetween(start, pauseFrom);
        Duration paused = clock.clockTimeBetween(pauseFrom, pauseTo);
        if (elapsedBeforePause.compareTo(target) >= 0) {
            return; // the target was reached before the pause began
        }
        Instant pausedDue = clock.addClockTime(pauseTo, target.minus(elapsedBeforePause));
        assertThat(clock.clockTimeBetween(unpausedDue, pausedDue)).isEqualTo(paused);
        assertThat(clock.addClockTime(unpausedDue, paused)).isEqualTo(pausedDue);
    }

    @Property(tries = 500)
    void spansPartitionTheRangeAndCountingSpansAddUp(@ForAll("clocks") BusinessHoursClock clock,
            @ForAll("instants") Instant from, @ForAll("amounts") Duration length) {
        Instant to = from.plus(length).plus(length); // up to ~16 days of real time
        List<ClockSpan> spans = clock.spans(from, to);
        if (!to.isAfter(from)) {
            assertThat(spans).isEmpty();
            return;
        }
        assertThat(spans.get(0).from()).isEqualTo(from);
        assertThat(spans.get(spans.size() - 1).to()).isEqualTo(to);
        Duration counted = Duration.ZERO;
        for (int i = 0; i < spans.size(); i++) {
            ClockSpan span = spans.get(i);
            if (i > 0) {
                assertThat(span.from()).isEqualTo(spans.get(i - 1).to());
                assertThat(span.counting()).isNotEqualTo(spans.get(i - 1).counting()); // maximal
            }
            assertThat(clock.isCounting(span.from())).isEqualTo(span.counting());
            assertThat(clock.isCounting(span.to().minusNanos(1))).isEqualTo(span.counting());
            if (span.counting()) {
                counted = counted.plus(span.length());
            }
        }
        assertThat(counted).isEqualTo(clock.clockTimeBetween(from, to));
    }

    @Property(tries = 500)
    void clockTimeIsAdditive(@ForAll("clocks") BusinessHoursClock clock, @ForAll("instants") Instant a,
            @ForAll("amounts") Duration ab, @ForAll("amounts") Duration bc) {
        Instant b = a.plus(ab);
        Instant c = b.plus(bc);
        assertThat(clock.clockTimeBetween(a, c))
                .isEqualTo(clock.clockTimeBetween(a, b).plus(clock.clockTimeBetween(b, c)));
        assertThat(clock.clockTimeBetween(c, a)).isZero();
    }

    /** Against a plain day-by-day computation with {@code ZonedDateTime.of}: the definition of business hours. */
    @Property(tries = 500)
    void clockTimeMatchesTheZonedDateTimeDefinition(@ForAll("clocks") BusinessHoursClock clock,
            @ForAll("instants") Instant from, @ForAll("amounts") Duration length) {
        Instant to = from.plus(length.multipliedBy(3)); // up to ~25 days
        assertThat(clock.clockTimeBetween(from, to)).isEqualTo(reference(clock, from, to));
    }

    static Duration reference(BusinessHoursClock clock, Instant from, Instant to) {
        ZoneId zone = clock.zone();
        List<Instant[]> intervals = new ArrayList<>();
        for (LocalDate date = from.atZone(zone).toLocalDate().minusDays(1); !date
                .isAfter(to.atZone(zone).toLocalDate().plusDays(1)); date = date.plusDays(1)) {
            if (clock.holidays().contains(date)) {
                continue;
            }
            for (LocalTimeRange range : clock.hours().ranges(date.getDayOfWeek())) {
                Instant start = ZonedDateTime.of(date, range.start(), zone).toInstant();
                Instant end = range.end().equals(LocalTime.MIDNIGHT)
                        ? ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant()
                        : ZonedDateTime.of(date, range.end(), zone).toInstant();
                start = start.isBefore(from) ? from : start;
                end = end.isAfter(to) ? to : end;
                if (end.isAfter(start)) {
                    intervals.add(new Instant[] { start, end });
                }
            }
        }
        intervals.sort(Comparator.comparing((Instant[] interval) -> interval[0]));
        Duration total = Duration.ZERO;
        Instant covered = Instant.MIN;
        for (Instant[] interval : intervals) { // union: overlapping parts count once
            Instant start = interval[0].isBefore(covered) ? covered : interval[0];
            if (interval[1].isAfter(start)) {
                total = total.plus(Duration.between(start, interval[1]));
                covered = interval[1];
            }
        }
        return total;
    }

    @Provide
    Arbitrary<BusinessHoursClock> clocks() {
        Arbitrary<ZoneId> zones = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(ZoneId.of("America/Denver"))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(ZONES)));
        Arbitrary<WeeklyHours> hours = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(WeeklyHours.standard())),
                net.jqwik.api.Tuple.of(1, randomWeeklyHours()));
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.longs()
                .between(LocalDate.parse("2025-01-01").toEpochDay(), LocalDate.parse("2029-06-30").toEpochDay())
                .map(LocalDate::ofEpochDay).set().ofMaxSize(60);
        return Combinators.combine(zones, hours, holidays).as(BusinessHoursClock::new);
    }

    /** 0-3 ranges a day on a 30-minute grid, at least one range in the week. */
    static Arbitrary<WeeklyHours> randomWeeklyHours() {
        Arbitrary<List<LocalTimeRange>> day = Arbitraries.integers().between(0, 48).set().ofMaxSize(6)
                .map(points -> {
                    List<Integer> sorted = points.stream().sorted().toList();
                    List<LocalTimeRange> ranges = new ArrayList<>();
                    for (int i = 0; i + 1 < sorted.size(); i += 2) {
                        ranges.add(LocalTimeRange.of(halfHour(sorted.get(i)), halfHour(sorted.get(i + 1))));
                    }
                    return ranges;
                });
        return day.list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<LocalTimeRange>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                map.put(DayOfWeek.of(i + 1), days.get(i));
            }
            return WeeklyHours.of(map);
        }).filter(hours -> !hours.weeklyTotal().isZero());
    }

    private static LocalTime halfHour(int index) {
        return index == 48 ? LocalTime.MIDNIGHT : LocalTime.of(index / 2, index % 2 * 30);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond())
                .map(Instant::ofEpochSecond);
        // Within three days of a DST switch in one of the zones.
        Arbitrary<Instant> nearSwitch = Combinators.combine(Arbitraries.of(ZONES), anywhere,
                Arbitraries.longs().between(-3 * 86_400, 3 * 86_400))
                .as((zone, instant, offset) -> zone.getRules().nextTransition(instant) == null
                        ? instant
                        : zone.getRules().nextTransition(instant).getInstant().plusSeconds(offset));
        Arbitrary<Instant> whole = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, anywhere),
                net.jqwik.api.Tuple.of(1, nearSwitch));
        // Round to the minute most of the time, so that boundaries are hit exactly; sometimes add nanoseconds.
        return Combinators.combine(whole, Arbitraries.integers().between(0, 3), Arbitraries.integers()
                .between(0, 999_999_999)).as((instant, shape, nanos) -> switch (shape) {
                    case 0 -> Instant.ofEpochSecond(instant.getEpochSecond(), nanos);
                    case 1 -> instant;
                    default -> Instant.ofEpochSecond(instant.getEpochSecond() / 1800 * 1800);
                });
    }

    @Provide
    Arbitrary<Duration> amounts() {
        Arbitrary<Duration> minutes = Arbitraries.longs().between(0, 200 * 60).map(Duration::ofMinutes);
        Arbitrary<Duration> precise = Arbitraries.longs().between(0, 200 * 3600L * 1_000_000_000L)
                .map(Duration::ofNanos);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, minutes), net.jqwik.api.Tuple.of(1, precise),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofHours(8),
                        Duration.ofHours(40), Duration.ofHours(48), Duration.ofSeconds(1))));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
