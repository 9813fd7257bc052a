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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An immutable, parsed policy version, cached by version number for the life of the process. */
public record PolicySnapshot(int version, Instant effectiveFrom, Instant publishedAt, String publishedBy, ZoneId zone,
        BigDecimal atRiskShare, WeeklyHours hours, String hoursText, Map<Priority, PolicyTarget> targets, String note) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<HoursEntry>> HOURS = new TypeReference<>() {
    };

    public static PolicySnapshot of(SlaPolicyEntity e) {
        Map<Priority, PolicyTarget> targets = new EnumMap<>(Priority.class);
        for (Map.Entry<Priority, PolicyTargetEmbeddable> t : e.targets.entrySet()) {
            targets.put(t.getKey(), new PolicyTarget(ClockType.valueOf(t.getValue().clock),
                    Duration.ofSeconds(t.getValue().responseSeconds), Duration.ofSeconds(t.getValue().resolutionSeconds)));
        }
        return new PolicySnapshot(e.version, e.effectiveFrom, e.publishedAt, e.publishedBy, ZoneId.of(e.timeZone),
                e.atRiskShare, parseHours(hoursAsMap(e.businessHours), "businessHours"), e.businessHours, targets, e.note);
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

    /** {MONDAY: "09:00-17:00", TUESDAY: "08:00-12:00,13:00-17:00"} to WeeklyHours; errors name the field. */
    public static WeeklyHours parseHours(Map<String, String> days, String field) {
        Map<DayOfWeek, List<LocalTimeRange>> ranges = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> day : days.entrySet()) {
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

    /** One stored interval of the business hours. */
    @RegisterForReflection
    record HoursEntry(String day, String from, String to) {
    }

    /** The stored JSONB form of validated business hours ({MONDAY: "08:00-12:00,13:00-17:00"}), weekday order. */
    static String hoursJson(Map<DayOfWeek, String> days) {
        List<HoursEntry> entries = new ArrayList<>();
        days.forEach((day, value) -> {
            for (String part : value.split(",")) {
                String[] bounds = part.trim().split("-");
                entries.add(new HoursEntry(day.name(), bounds[0].trim(), bounds[1].trim()));
            }
        });
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write business hours", e);
        }
    }

    /** The stored JSONB business hours as the API shows them: weekday to "09:00-17:00" (intervals comma-separated). */
    public static Map<String, String> hoursAsMap(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return map;
        }
        try {
            for (HoursEntry entry : JSON.readValue(json, HOURS)) {
                String range = entry.from() + "-" + entry.to();
                map.merge(entry.day(), range, (a, b) -> a + "," + b);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable business hours " + json, e);
        }
        return map;
    }
}
