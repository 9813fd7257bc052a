package org.eclipsesol.desk.sla.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A clock that counts only inside local business hours of a zone, and not at all on holidays.
 * <p>
 * Business hours are local wall-clock intervals. The real instants of an interval are its local start and end
 * resolved in the zone the way {@code ZonedDateTime.of(date, time, zone)} does (a time in a DST gap is shifted
 * forward by the gap, an ambiguous time takes the earlier offset); clock time inside an interval is the real time
 * between those instants. So 09:00-17:00 is 8 hours on DST switch days too. Should a boundary fall inside a DST gap so
 * that two intervals of one day would overlap, the later one is clipped.
 * <p>
 * All arithmetic is on whole epoch seconds (interval boundaries are whole seconds) with a walk over local days that
 * skips whole weeks using the weekly total when the week has no holiday and no offset change; cost grows with the
 * number of weeks spanned plus a few days at each end. Immutable and thread-safe.
 */
public final class BusinessHoursClock implements ServiceClock {

    static final long SECONDS_PER_DAY = 86_400L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final int DAYS_PER_WEEK = 7;

    private final ZoneId zone;
    private final WeeklyHours hours;
    private final Set<LocalDate> holidayDates;
    /** Sorted epoch days of the holidays. */
    private final long[] holidays;
    /** Local second-of-day of each interval start and end, indexed by day of week (Monday = 0). */
    private final int[][] startSeconds = new int[DAYS_PER_WEEK][];
    private final int[][] endSeconds = new int[DAYS_PER_WEEK][];
    private final long weeklySeconds;
    private final ZoneOffsetTable offsets;
    /** What a {@link DayWalker} reads: the holidays, the local intervals and the zone's offsets. */
    private final DayWalker.Tables tables;

    /**
     * @param zone the zone of the business hours and of the holiday dates
     * @param hours weekly business hours, with at least one range
     * @param holidays dates (in {@code zone}) on which the clock does not count at all
     * @throws IllegalArgumentException if {@code hours} has no range at all (the clock would never run)
     */
    public BusinessHoursClock(ZoneId zone, WeeklyHours hours, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        TreeSet<LocalDate> sorted = new TreeSet<>(Objects.requireNonNull(holidays, "holidays"));
        this.holidayDates = Set.copyOf(sorted);
        this.holidays = sorted.stream().mapToLong(LocalDate::toEpochDay).toArray();
        int max = 0;
        long weekly = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<LocalTimeRange> ranges = hours.ranges(day);
            int index = day.getValue() - 1;
            startSeconds[index] = new int[ranges.size()];
            endSeconds[index] = new int[ranges.size()];
            for (int i = 0; i < ranges.size(); i++) {
                startSeconds[index][i] = ranges.get(i).startSecondOfDay();
                endSeconds[index][i] = ranges.get(i).endSecondOfDay();
                weekly += endSeconds[index][i] - startSeconds[index][i];
            }
            max = Math.max(max, ranges.size());
        }
        if (weekly == 0) {
            throw new IllegalArgumentException("business hours must have at least one range in the week");
        }
        this.weeklySeconds = weekly;
        this.offsets = ZoneOffsetTable.of(zone);
        this.tables = new DayWalker.Tables(this.holidays, startSeconds, endSeconds, max, offsets);
    }

    /** Monday-Friday 09:00-17:00 in {@code zone}, minus {@code holidays}. */
    public static BusinessHoursClock standard(ZoneId zone, Set<LocalDate> holidays) {
        return new BusinessHoursClock(zone, WeeklyHours.standard(), holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    public Set<LocalDate> holidays() {
        return holidayDates;
    }

    @Override
    public ClockType type() {
        return ClockType.BUSINESS_HOURS;
    }

    @Override
    public Instant addClockTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative amount: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        long startSecond = start.getEpochSecond();
        // The clock is linear inside a second (boundaries are whole seconds), so the start's fraction counts only
        // when that second counts; fold it into the amount and walk whole seconds from the start of that second.
        long nanos = amount.getNano();
        if (start.getNano() != 0 && isCountingSecond(startSecond)) {
            nanos += start.getNano();
        }
        long wholeSeconds = Math.addExact(amount.getSeconds(), nanos / NANOS_PER_SECOND);
        long fraction = nanos % NANOS_PER_SECOND;
        long resultSecond = advance(startSecond, wholeSeconds, fraction != 0);
        return Instant.ofEpochSecond(resultSecond, fraction);
    }

    @Override
    public Duration clockTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long fromSecond = from.getEpochSecond();
        long toSecond = to.getEpochSecond();
        if (fromSecond == toSecond) {
            return isCountingSecond(fromSecond) ? Duration.between(from, to) : Duration.ZERO;
        }
        return countBetween(fromSecond, from.getNano(), toSecond, to.getNano());
    }

    @Override
    public boolean isCounting(Instant t) {
        return isCountingSecond(t.getEpochSecond());
    }

    @Override
    public List<ClockSpan> spans(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        List<ClockSpan> result = new ArrayList<>();
        long fromFloor = from.getEpochSecond();
        long toCeil = to.getEpochSecond() + (to.getNano() != 0 ? 1 : 0);
        Instant cursor = from;
        DayWalker walker = new DayWalker(tables, localDay(fromFloor) - 1);
        walk: while (walker.resolve(walker.day * SECONDS_PER_DAY) < toCeil) {
            int count = walker.loadDay();
            for (int i = 0; i < count; i++) {
                long start = walker.starts[i];
                long end = walker.ends[i];
                if (end <= fromFloor) {
                    continue;
                }
                if (start >= toCeil) {
                    break walk;
                }
                Instant spanStart = max(Instant.ofEpochSecond(start), from);
                Instant spanEnd = min(Instant.ofEpochSecond(end), to);
                if (spanStart.isAfter(cursor)) {
                    append(result, new ClockSpan(cursor, spanStart, false));
                }
                if (spanEnd.isAfter(spanStart)) {
                    append(result, new ClockSpan(spanStart, spanEnd, true));
                    cursor = spanEnd;
                }
            }
            walker.day++;
        }
        if (to.isAfter(cursor)) {
            append(result, new ClockSpan(cursor, to, false));
        }
        return result;
    }

    /**
     * The earliest whole second {@code t >= from} such that {@code [from, t)} holds {@code seconds} counting seconds;
     * if {@code needCountingSecond}, {@code t} must moreover start a counting second (the caller adds a fraction).
     */
    private long advance(long from, long seconds, boolean needCountingSecond) {
        if (seconds == 0 && !needCountingSecond) {
            return from;
        }
        long firstDay = localDay(from);
        DayWalker walker = new DayWalker(tables, firstDay - 1);
        long position = from;
        long remaining = seconds;
        while (true) {
            // Strictly more than a week left: the answer lies beyond this week, so a regular week can be skipped whole.
            if (remaining > weeklySeconds && walker.day > firstDay && walker.weekIsRegular()) {
                remaining -= weeklySeconds;
                walker.day += DAYS_PER_WEEK;
                continue;
            }
            int count = walker.loadDay();
            for (int i = 0; i < count; i++) {
                long end = walker.ends[i];
                if (end <= position) {
                    continue;
                }
                long start = Math.max(walker.starts[i], position);
                long available = end - start;
                if (remaining < available) {
                    return start + remaining;
                }
                if (remaining == available && !needCountingSecond) {
                    return end;
                }
                remaining -= available;
                position = end;
            }
            walker.day++;
        }
    }

    /**
     * Clock time in {@code [from + fromNano, to + toNano)}, {@code from < to}, in one walk: whole counting seconds,
     * plus the fractions of the end seconds when those seconds count (the clock is linear inside a second).
     */
    private Duration countBetween(long from, int fromNano, long to, int toNano) {
        long firstDay = localDay(from);
        DayWalker walker = new DayWalker(tables, firstDay - 1);
        long total = 0;
        boolean fromCounts = false;
        boolean toCounts = false;
        walk: while (walker.resolve(walker.day * SECONDS_PER_DAY) <= to) {
            if (walker.day > firstDay && walker.weekIsRegular()
                    && walker.resolve((walker.day + DAYS_PER_WEEK) * SECONDS_PER_DAY) <= to) {
                total += weeklySeconds;
                walker.day += DAYS_PER_WEEK;
                continue;
            }
            int count = walker.loadDay();
            for (int i = 0; i < count; i++) {
                long start = walker.starts[i];
                long end = walker.ends[i];
                if (start > to) {
                    break walk;
                }
                fromCounts |= start <= from && from < end;
                toCounts |= start <= to && to < end;
                long overlap = Math.min(end, to) - Math.max(start, from);
                if (overlap > 0) {
                    total += overlap;
                }
            }
            walker.day++;
        }
        long nanos = (toCounts ? toNano : 0) - (fromCounts ? fromNano : 0);
        return Duration.ofSeconds(total, nanos);
    }

    private boolean isCountingSecond(long second) {
        long day = localDay(second);
        // The previous local day is checked too: its last interval may end after local midnight when the end falls
        // into a DST gap and is shifted forward.
        DayWalker walker = new DayWalker(tables, day - 1);
        for (int d = 0; d < 2; d++) {
            int count = walker.loadDay();
            for (int i = 0; i < count; i++) {
                if (walker.starts[i] <= second && second < walker.ends[i]) {
                    return true;
                }
            }
            walker.day++;
        }
        return false;
    }

    private long localDay(long epochSecond) {
        return Math.floorDiv(epochSecond + offsets.offsetAtInstant(epochSecond), SECONDS_PER_DAY);
    }

    private static void append(List<ClockSpan> spans, ClockSpan span) {
        int last = spans.size() - 1;
        if (last >= 0) {
            ClockSpan previous = spans.get(last);
            if (previous.counting() == span.counting() && previous.to().equals(span.from())) {
                spans.set(last, new ClockSpan(previous.from(), span.to(), span.counting()));
                return;
            }
        }
        spans.add(span);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessHoursClock[" + zone + ", " + hours + ", holidays=" + holidayDates.size() + "]";
    }
}
