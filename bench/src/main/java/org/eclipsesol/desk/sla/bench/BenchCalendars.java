package org.eclipsesol.desk.sla.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

import org.eclipsesol.desk.sla.engine.BusinessHoursClock;

/** The product calendar with a realistic holiday load: 11 US holidays a year, 2024-2030. */
final class BenchCalendars {

    static final ZoneId DENVER = ZoneId.of("America/Denver");

    private BenchCalendars() {
    }

    static BusinessHoursClock denverWithHolidays() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int year = 2024; year <= 2030; year++) {
            holidays.add(LocalDate.of(year, 1, 1));
            holidays.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
            holidays.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
            holidays.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            holidays.add(LocalDate.of(year, 6, 19));
            holidays.add(LocalDate.of(year, 7, 4));
            holidays.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
            holidays.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));
            holidays.add(LocalDate.of(year, 11, 11));
            holidays.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
            holidays.add(LocalDate.of(year, 12, 25));
        }
        return BusinessHoursClock.standard(DENVER, holidays);
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
