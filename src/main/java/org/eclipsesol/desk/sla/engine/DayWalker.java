package org.eclipsesol.desk.sla.engine;

import java.util.Arrays;

/**
 * Cursor over the local days of a {@link BusinessHoursClock}: yields each day's business intervals as real epoch seconds, and
 * remembers the last
 * offset region and holiday position so that consecutive days cost no search.
 */
final class DayWalker {

    /** A clock's tables: sorted holiday epoch days, local interval starts/ends per day of week, the zone's offsets. */
    record Tables(long[] holidays, int[][] startSeconds, int[][] endSeconds, int maxIntervalsPerDay,
            ZoneOffsetTable offsets) {
    }

    private static final long SECONDS_PER_DAY = BusinessHoursClock.SECONDS_PER_DAY;
    private static final int DAYS_PER_WEEK = BusinessHoursClock.DAYS_PER_WEEK;

    private final long[] holidays;
    private final int[][] startSeconds;
    private final int[][] endSeconds;
    private final ZoneOffsetTable offsets;
    long day;
    final long[] starts;
    final long[] ends;
    private int holidayIndex;
    private long regionStart = Long.MAX_VALUE;
    private long regionEnd = Long.MIN_VALUE;
    private int regionOffset;

    DayWalker(Tables tables, long day) {
        this.holidays = tables.holidays();
        this.startSeconds = tables.startSeconds();
        this.endSeconds = tables.endSeconds();
        this.offsets = tables.offsets();
        this.starts = new long[tables.maxIntervalsPerDay()];
        this.ends = new long[tables.maxIntervalsPerDay()];
        this.day = day;
        int index = Arrays.binarySearch(holidays, day);
        this.holidayIndex = index >= 0 ? index : -index - 1;
    }

    /** Loads the intervals of {@link #day} into {@link #starts}/{@link #ends}; returns how many. */
    int loadDay() {
        if (nextHolidayFromToday() == day) {
            return 0;
        }
        int dayOfWeek = (int) Math.floorMod(day + 3, (long) DAYS_PER_WEEK); // epoch day 0 was a Thursday
        int[] localStarts = startSeconds[dayOfWeek];
        int[] localEnds = endSeconds[dayOfWeek];
        long midnight = day * SECONDS_PER_DAY;
        long previousEnd = Long.MIN_VALUE;
        int count = 0;
        for (int i = 0; i < localStarts.length; i++) {
            long start = Math.max(resolve(midnight + localStarts[i]), previousEnd);
            long end = resolve(midnight + localEnds[i]);
            if (end > start) {
                starts[count] = start;
                ends[count] = end;
                count++;
                previousEnd = end;
            }
        }
        return count;
    }

    /**
     * Whether the seven days from {@link #day} hold no holiday and one offset resolves all their local times, so
     * that they contain exactly the nominal weekly total.
     */
    boolean weekIsRegular() {
        if (nextHolidayFromToday() < day + DAYS_PER_WEEK) {
            return false;
        }
        long weekStart = day * SECONDS_PER_DAY;
        resolve(weekStart);
        return regionStart <= weekStart && weekStart + DAYS_PER_WEEK * SECONDS_PER_DAY < regionEnd;
    }

    /** Real epoch second of a local epoch second. */
    long resolve(long local) {
        if (local < regionStart || local >= regionEnd) {
            int region = offsets.localRegion(local);
            if (region < 0) {
                regionStart = Long.MAX_VALUE; // nothing cached: weekIsRegular() must fail out of coverage
                regionEnd = Long.MIN_VALUE;
                return local - offsets.offsetForLocalSlow(local);
            }
            regionStart = offsets.regionStart(region);
            regionEnd = offsets.regionEnd(region);
            regionOffset = offsets.regionOffset(region);
        }
        return local - regionOffset;
    }

    private long nextHolidayFromToday() {
        while (holidayIndex < holidays.length && holidays[holidayIndex] < day) {
            holidayIndex++;
        }
        return holidayIndex < holidays.length ? holidays[holidayIndex] : Long.MAX_VALUE;
    }
}
