package org.eclipsesol.desk.sla.engine;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A wall-clock interval {@code [start, end)} within one local day. An {@code end} of {@link LocalTime#MIDNIGHT}
 * means the end of the day (24:00), so {@code 00:00-00:00} is the whole day.
 * <p>
 * Times must be whole seconds: the business-hours arithmetic works on second boundaries.
 *
 * @param start inclusive local start
 * @param end exclusive local end, or midnight for the end of the day
 */
public record LocalTimeRange(LocalTime start, LocalTime end) {

    static final int SECONDS_PER_DAY = 86_400;

    public LocalTimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("business hours must be whole seconds: " + start + "-" + end);
        }
        if (start.toSecondOfDay() >= endSecond(end)) {
            throw new IllegalArgumentException("range must start before it ends: " + start + "-" + end);
        }
    }

    /** Shorthand for {@code new LocalTimeRange(start, end)}. */
    public static LocalTimeRange of(LocalTime start, LocalTime end) {
        return new LocalTimeRange(start, end);
    }

    /** Seconds from local midnight to {@code start}. */
    public int startSecondOfDay() {
        return start.toSecondOfDay();
    }

    /** Seconds from local midnight to {@code end}; 86,400 when the range runs to the end of the day. */
    public int endSecondOfDay() {
        return endSecond(end);
    }

    private static int endSecond(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT) ? SECONDS_PER_DAY : end.toSecondOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
