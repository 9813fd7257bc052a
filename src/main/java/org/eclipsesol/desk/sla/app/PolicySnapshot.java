package org.eclipsesol.desk.sla.app;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.sla.data.PolicyTargetEmbeddable;
import org.eclipsesol.desk.sla.data.SlaPolicyEntity;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.sla.engine.LocalTimeRange;
import org.eclipsesol.desk.sla.engine.WeeklyHours;

/** An immutable, parsed policy version, cached by version number for the life of the process. */
public record PolicySnapshot(int version, Instant effectiveFrom, Instant publishedAt, String publishedBy, ZoneId zone,
        BigDecimal atRiskShare, WeeklyHours hours, String hoursText, Map<Priority, PolicyTarget> targets, String note) {

    public static PolicySnapshot of(SlaPolicyEntity e) {
        Map<Priority, PolicyTarget> targets = new EnumMap<>(Priority.class);
        for (Map.Entry<Priority, PolicyTargetEmbeddable> t : e.targets.entrySet()) {
            targets.put(t.getKey(), new PolicyTarget(ClockType.valueOf(t.getValue().clock),
                    Duration.ofSeconds(t.getValue().responseSeconds), Duration.ofSeconds(t.getValue().resolutionSeconds)));
        }
        return new PolicySnapshot(e.version, e.effectiveFrom, e.publishedAt, e.publishedBy, ZoneId.of(e.timeZone),
                e.atRiskShare, parseHours(e.businessHours, "businessHours"), e.businessHours, targets, e.note);
    }

    public PolicyTarget target(Priority priority) {
        return targets.get(priority);
    }

    public double atRiskFraction() {
        return atRiskShare.doubleValue();
    }

    public PolicyView view() {
        return new PolicyView(version, effectiveFrom, publishedAt, publishedBy, zone.getId(), atRiskShare,
                hoursAsMap(hoursText), targets, note);
    }

    /** "MONDAY=09:00-17:00;TUESDAY=08:00-12:00,13:00-17:00" to WeeklyHours; errors name the field. */
    public static WeeklyHours parseHours(String text, String field) {
        Map<DayOfWeek, List<LocalTimeRange>> ranges = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> day : hoursAsMap(text).entrySet()) {
            ranges.put(parseDay(day.getKey(), field), parseRanges(day.getValue(), field + "." + day.getKey()));
        }
        try {
            return WeeklyHours.of(ranges);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "intervals must be ordered and must not overlap");
        }
    }

    static DayOfWeek parseDay(String day, String field) {
        try {
            return DayOfWeek.valueOf(day.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + day + "' is not a weekday (MONDAY…SUNDAY)");
        }
    }

    static List<LocalTimeRange> parseRanges(String text, String field) {
        List<LocalTimeRange> result = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            if (bounds.length != 2) {
                throw ProblemException.invalid(field, "must be intervals like 09:00-17:00");
            }
            try {
                LocalTime start = LocalTime.parse(bounds[0].trim());
                LocalTime end = "24:00".equals(bounds[1].trim()) ? LocalTime.MIDNIGHT : LocalTime.parse(bounds[1].trim());
                result.add(LocalTimeRange.of(start, end));
            } catch (RuntimeException e) {
                throw ProblemException.invalid(field, "must be intervals like 09:00-17:00 with start before end");
            }
        }
        return result;
    }

    public static Map<String, String> hoursAsMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String entry : text.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return map;
    }
}
