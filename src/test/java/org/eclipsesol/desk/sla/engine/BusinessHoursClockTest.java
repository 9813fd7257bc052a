package org.eclipsesol.desk.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.BUSINESS;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.DENVER;
import static org.eclipsesol.desk.sla.engine.EngineFixtures.denver;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursClockTest {

    @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # opened (Denver local) | amount | due (Denver local) | why
            2026-06-12T16:00 | PT8H  | 2026-06-15T16:00 | MEDIUM response opened Friday 16:00 -> Monday 16:00
            2026-06-09T07:30 | PT8H  | 2026-06-09T17:00 | before hours: counts from 09:00, ends at the close
            2026-06-09T07:30 | PT1H  | 2026-06-09T10:00 |
            2026-06-09T18:00 | PT8H  | 2026-06-10T17:00 | after hours: next morning
            2026-06-09T18:00 | PT2H  | 2026-06-10T11:00 |
            2026-06-09T17:00 | PT1S  | 2026-06-10T09:00:01 |
            2026-06-09T16:59 | PT1M  | 2026-06-09T17:00 | lands at the end of the interval, not the next start
            2026-06-13T10:00 | PT8H  | 2026-06-15T17:00 | Saturday
            2026-06-14T23:00 | PT1H  | 2026-06-15T10:00 | Sunday night
            2026-06-15T09:00 | PT40H | 2026-06-19T17:00 | exactly one business week
            2026-06-15T09:00 | PT41H | 2026-06-22T10:00 |
            2026-06-15T10:00 | PT24H | 2026-06-18T10:00 | LOW response
            2026-11-26T10:00 | PT8H  | 2026-11-27T17:00 | Thanksgiving (holiday): nothing counts that day
            2026-11-25T16:00 | PT2H  | 2026-11-27T10:00 | ... nor across it
            2026-12-25T10:00 | PT4H  | 2026-12-28T13:00 | Christmas on a Friday
            2026-12-23T13:00 | PT48H | 2027-01-04T13:00 | MEDIUM resolution across Christmas and New Year
            2026-03-06T16:00 | PT8H  | 2026-03-09T16:00 | across the March DST switch (MST -> MDT)
            2026-10-30T16:00 | PT8H  | 2026-11-02T16:00 | across the November DST switch (MDT -> MST)
            2026-06-15T09:00 | PT0S  | 2026-06-15T09:00 |
            2026-06-13T10:00 | PT0S  | 2026-06-13T10:00 | zero returns the start, even outside hours
            """)
    void addClockTimeWorkedExamples(String opened, Duration amount, String due, String why) {
        assertThat(BUSINESS.addClockTime(denver(opened), amount)).isEqualTo(denver(due));
        assertThat(BUSINESS.clockTimeBetween(denver(opened), denver(due))).isEqualTo(amount);
    }

    @ParameterizedTest(name = "[{0}, {1}) = {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-06-12T16:00 | 2026-06-15T16:00 | PT8H |
            2026-06-13T00:00 | 2026-06-15T00:00 | PT0S | weekend
            2026-06-15T00:00 | 2026-06-22T00:00 | PT40H | a week
            2026-11-23T00:00 | 2026-11-30T00:00 | PT32H | Thanksgiving week
            2026-12-21T00:00 | 2027-01-04T00:00 | PT64H | Christmas and New Year fortnight
            2026-03-02T00:00 | 2026-03-16T00:00 | PT80H | two weeks across the March switch
            2026-10-26T00:00 | 2026-11-09T00:00 | PT80H | two weeks across the November switch
            2026-06-15T17:00 | 2026-06-15T09:00 | PT0S | reversed
            2025-01-01T00:00 | 2029-01-01T00:00 | PT8320H | 1043 weekdays minus 3 holidays, all on weekdays
            """)
    void clockTimeBetweenWorkedExamples(String from, String to, Duration expected, String why) {
        assertThat(BUSINESS.clockTimeBetween(denver(from), denver(to))).isEqualTo(expected);
    }

    @Test
    void aBusinessDayOnADstSwitchIsStillEightHours() {
        BusinessHoursClock everyDay = new BusinessHoursClock(DENVER,
                WeeklyHours.sameOn(EnumSet.allOf(DayOfWeek.class), range("09:00", "17:00")), Set.of());
        assertThat(everyDay.clockTimeBetween(denver("2026-03-08T00:00"), denver("2026-03-09T00:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(everyDay.clockTimeBetween(denver("2026-11-01T00:00"), denver("2026-11-02T00:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(everyDay.addClockTime(denver("2026-03-07T16:00"), Duration.ofHours(2)))
                .isEqualTo(denver("2026-03-08T10:00"));
    }

    @Test
    void intervalsAcrossTheSwitchItselfCountRealTime() {
        BusinessHoursClock allDay = new BusinessHoursClock(DENVER,
                WeeklyHours.sameOn(EnumSet.allOf(DayOfWeek.class), range("00:00", "00:00")), Set.of());
        // 00:00-24:00 is 23 real hours in March and 25 in November: clock time is real time between the boundaries.
        assertThat(allDay.clockTimeBetween(denver("2026-03-08T00:00"), denver("2026-03-09T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(allDay.clockTimeBetween(denver("2026-11-01T00:00"), denver("2026-11-02T00:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(allDay.spans(denver("2026-03-07T12:00"), denver("2026-03-10T12:00")))
                .containsExactly(new ClockSpan(denver("2026-03-07T12:00"), denver("2026-03-10T12:00"), true));

        BusinessHoursClock night = new BusinessHoursClock(DENVER,
                WeeklyHours.sameOn(EnumSet.of(DayOfWeek.SUNDAY), range("01:00", "03:00"), range("04:00", "05:00")),
                Set.of());
        // 01:00 MST .. 03:00 MDT is one real hour; 01:00 MDT (earlier offset) .. 03:00 MST is three.
        assertThat(night.clockTimeBetween(denver("2026-03-08T00:00"), denver("2026-03-08T12:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(night.clockTimeBetween(denver("2026-11-01T00:00"), denver("2026-11-01T12:00")))
                .isEqualTo(Duration.ofHours(4));

        BusinessHoursClock inTheGap = new BusinessHoursClock(DENVER,
                WeeklyHours.sameOn(EnumSet.of(DayOfWeek.SUNDAY), range("02:00", "02:30")), Set.of());
        // Both ends fall in the March gap and shift forward by an hour, as ZonedDateTime.of does.
        assertThat(inTheGap.spans(denver("2026-03-08T00:00"), denver("2026-03-08T12:00")))
                .extracting(ClockSpan::counting, ClockSpan::from)
                .contains(org.assertj.core.groups.Tuple.tuple(true, denver("2026-03-08T03:00")));
    }

    @Test
    void spansAlternateAndMergeAcrossMidnight() {
        List<ClockSpan> spans = BUSINESS.spans(denver("2026-06-12T16:00"), denver("2026-06-15T10:30"));
        assertThat(spans).containsExactly(
                new ClockSpan(denver("2026-06-12T16:00"), denver("2026-06-12T17:00"), true),
                new ClockSpan(denver("2026-06-12T17:00"), denver("2026-06-15T09:00"), false),
                new ClockSpan(denver("2026-06-15T09:00"), denver("2026-06-15T10:30"), true));

        BusinessHoursClock overnight = new BusinessHoursClock(DENVER, WeeklyHours.of(Map.of(
                DayOfWeek.MONDAY, List.of(range("20:00", "00:00")),
                DayOfWeek.TUESDAY, List.of(range("00:00", "04:00"), range("04:00", "06:00")))), Set.of());
        assertThat(overnight.spans(denver("2026-06-15T19:00"), denver("2026-06-16T07:00"))).containsExactly(
                new ClockSpan(denver("2026-06-15T19:00"), denver("2026-06-15T20:00"), false),
                new ClockSpan(denver("2026-06-15T20:00"), denver("2026-06-16T06:00"), true),
                new ClockSpan(denver("2026-06-16T06:00"), denver("2026-06-16T07:00"), false));
        assertThat(overnight.addClockTime(denver("2026-06-15T21:00"), Duration.ofHours(5)))
                .isEqualTo(denver("2026-06-16T02:00"));
        assertThat(BUSINESS.spans(denver("2026-06-12T16:00"), denver("2026-06-12T16:00"))).isEmpty();
    }

    @Test
    void isCountingInsideHoursOnly() {
        assertThat(BUSINESS.isCounting(denver("2026-06-15T09:00"))).isTrue();
        assertThat(BUSINESS.isCounting(denver("2026-06-15T16:59:59"))).isTrue();
        assertThat(BUSINESS.isCounting(denver("2026-06-15T17:00"))).isFalse();
        assertThat(BUSINESS.isCounting(denver("2026-06-15T08:59:59"))).isFalse();
        assertThat(BUSINESS.isCounting(denver("2026-06-13T12:00"))).isFalse();
        assertThat(BUSINESS.isCounting(denver("2026-12-25T12:00"))).isFalse();
        assertThat(BUSINESS.type()).isEqualTo(ClockType.BUSINESS_HOURS);
    }

    @Test
    void fractionsOfSecondsCountOnlyInsideHours() {
        Instant start = denver("2026-06-15T10:00").plusMillis(250);
        assertThat(BUSINESS.addClockTime(start, Duration.ofMillis(500))).isEqualTo(start.plusMillis(500));
        assertThat(BUSINESS.addClockTime(denver("2026-06-15T16:59:59").plusMillis(900), Duration.ofMillis(200)))
                .isEqualTo(denver("2026-06-16T09:00").plusMillis(100));
        Instant outside = denver("2026-06-13T10:00").plusMillis(999);
        assertThat(BUSINESS.addClockTime(outside, Duration.ofMillis(1)))
                .isEqualTo(denver("2026-06-15T09:00").plusMillis(1));
        assertThat(BUSINESS.clockTimeBetween(outside, denver("2026-06-15T09:00").plusMillis(1)))
                .isEqualTo(Duration.ofMillis(1));
        assertThat(BUSINESS.clockTimeBetween(start, start.plusNanos(7))).isEqualTo(Duration.ofNanos(7));
    }

    @Test
    void otherZonesAndFarDatesWork() {
        BusinessHoursClock tokyo = BusinessHoursClock.standard(ZoneId.of("Asia/Tokyo"), Set.of());
        assertThat(tokyo.addClockTime(Instant.parse("2026-06-12T07:00:00Z"), Duration.ofHours(8)))
                .isEqualTo(Instant.parse("2026-06-15T07:00:00Z")); // Friday 16:00 JST -> Monday 16:00 JST
        // Outside the precomputed offset table (1900-2200) the clock falls back to ZoneRules.
        assertThat(BUSINESS.addClockTime(denver("2250-06-14T16:00"), Duration.ofHours(8))) // a Friday
                .isEqualTo(denver("2250-06-17T16:00"));
        assertThat(BUSINESS.clockTimeBetween(denver("1850-01-01T00:00"), denver("1850-01-08T00:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> BUSINESS.addClockTime(denver("2026-06-15T10:00"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> range("17:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> range("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalTimeRange.of(LocalTime.of(9, 0, 0, 5), LocalTime.of(17, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklyHours.of(Map.of(DayOfWeek.MONDAY,
                List.of(range("09:00", "12:00"), range("11:00", "13:00")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeeklyHours.of(Map.of(DayOfWeek.MONDAY,
                List.of(range("13:00", "17:00"), range("09:00", "12:00")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHoursClock(DENVER, WeeklyHours.of(Map.of()), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weeklyHoursDescribeThemselves() {
        assertThat(WeeklyHours.standard().weeklyTotal()).isEqualTo(Duration.ofHours(40));
        assertThat(WeeklyHours.standard().ranges(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(WeeklyHours.standard().ranges(DayOfWeek.MONDAY)).containsExactly(range("09:00", "17:00"));
        assertThat(range("20:00", "00:00").endSecondOfDay()).isEqualTo(86_400);
        assertThat(BUSINESS.holidays()).contains(LocalDate.parse("2026-12-25"));
    }

    static LocalTimeRange range(String start, String end) {
        return LocalTimeRange.of(LocalTime.parse(start), LocalTime.parse(end));
    }
}
