package org.eclipsesol.desk.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SLA policy bodies for POST /api/v1/sla/policies, as tests publish them. */
public final class Policies {

    private Policies() {
    }

    /** The seed policy's content (version 1's targets, hours and zone), as a mutable POST body. */
    public static Map<String, Object> v1Equivalent(String note) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, "09:00-17:00");
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("CRITICAL", target("TWENTY_FOUR_SEVEN", "PT1H", "PT4H"));
        targets.put("HIGH", target("BUSINESS_HOURS", "PT2H", "PT12H"));
        targets.put("MEDIUM", target("BUSINESS_HOURS", "PT8H", "PT48H"));
        targets.put("LOW", target("BUSINESS_HOURS", "PT24H", "PT72H"));
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", "America/Denver");
        body.put("atRiskShare", 0.75);
        body.put("businessHours", hours);
        body.put("targets", targets);
        body.put("note", note);
        return body;
    }

    /** One priority's target, mutable. */
    public static Map<String, Object> target(String clock, String response, String resolution) {
        Map<String, Object> t = new HashMap<>();
        t.put("clock", clock);
        t.put("response", response);
        t.put("resolution", resolution);
        return t;
    }
}
