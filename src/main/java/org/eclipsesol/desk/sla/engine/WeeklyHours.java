package org.eclipsesol.desk.sla.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Business hours of a week: for each day, a sorted list of non-overlapping local wall-clock ranges.
 * Immutable.
 */
public final class WeeklyHours {

    private final Map<DayOfWeek, List<LocalTimeRange>> rangesByDay;

    private WeeklyHours(Map<DayOfWeek, List<LocalTimeRange>> rangesByDay) {
        this.rangesByDay = rangesByDay;
    }

    /**
     * Business hours from per-day ranges; days missing from the map have no hours.
     *
     * @throws IllegalArgumentException if a day's ranges are unsorted or overlap (touching ranges are allowed)
     */
    public static WeeklyHours of(Map<DayOfWeek, ? extends Collection<LocalTimeRange>> ranges) {
        Objects.requireNonNull(ranges, "ranges");
        Map<DayOfWeek, List<LocalTimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            Collection<LocalTimeRange> dayRanges = ranges.get(day);
            List<LocalTimeRange> list = dayRanges == null ? List.of() : List.copyOf(dayRanges);
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).startSecondOfDay() < list.get(i - 1).endSecondOfDay()) {
                    throw new IllegalArgumentException(
                            "ranges of " + day + " must be sorted and must not overlap: " + list);
                }
            }
            copy.put(day, list);
        }
        return new WeeklyHours(Collections.unmodifiableMap(copy));
    }

    /** The same ranges on each of the given days, no hours on the others. */
    public static WeeklyHours sameOn(Set<DayOfWeek> days, LocalTimeRange... ranges) {
        Map<DayOfWeek, List<LocalTimeRange>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            map.put(day, List.of(ranges));
        }
        return of(map);
    }

    /** Monday to Friday, 09:00-17:00. */
    public static WeeklyHours standard() {
        return STANDARD;
    }

    private static final WeeklyHours STANDARD = sameOn(
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTimeRange.of(LocalTime.of(9, 0), LocalTime.of(17, 0)));

    /** The ranges of one day, sorted; empty on a day without hours. */
    public List<LocalTimeRange> ranges(DayOfWeek day) {
        return rangesByDay.get(day);
    }

    /** Nominal business time of a week without holidays or DST switches. */
    public Duration weeklyTotal() {
        long seconds = 0;
        for (List<LocalTimeRange> list : rangesByDay.values()) {
            for (LocalTimeRange range : list) {
                seconds += range.endSecondOfDay() - range.startSecondOfDay();
            }
        }
        return Duration.ofSeconds(seconds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHours other && rangesByDay.equals(other.rangesByDay);
    }

    @Override
    public int hashCode() {
        return rangesByDay.hashCode();
    }

    @Override
    public String toString() {
        return "WeeklyHours" + rangesByDay;
    }
}
