package org.eclipsesol.desk.sla;

import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.as;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Helpers for the SLA API tests: Denver times, holidays (global state), tickets, events and timelines. */
public final class SlaTestSupport {

    public static final ZoneId DENVER = ZoneId.of("America/Denver");

    /** Thanksgiving, Christmas and New Year's Day: the holidays the quote and clock tests are written against. */
    public static final List<Map<String, Object>> US_HOLIDAYS = List.of(
            holiday("2026-11-26", "Thanksgiving Day"),
            holiday("2026-12-25", "Christmas Day"),
            holiday("2027-01-01", "New Year's Day"));

    private SlaTestSupport() {
    }

    public static Map<String, Object> holiday(String date, String name) {
        Map<String, Object> h = new HashMap<>();
        h.put("date", date);
        h.put("name", name);
        return h;
    }

    /** An instant written with its offset, e.g. "2026-11-27T16:00:00-07:00". */
    public static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** Local wall-clock time in Denver. */
    public static Instant denver(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DENVER).toInstant();
    }

    /** Reads an instant the API wrote (UTC or with offset); null stays null. */
    public static Instant instant(JsonPath json, String path) {
        String raw = json.getString(path);
        return raw == null ? null : OffsetDateTime.parse(raw).toInstant();
    }

    public static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- holidays (global: always restore what was there)

    public static List<Map<String, Object>> holidays() {
        return as(SAM).get("/api/v1/sla/holidays").then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static void putHolidays(List<Map<String, Object>> holidays) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Map<String, Object> h : holidays) {
            body.add(holiday((String) h.get("date"), (String) h.get("name")));
        }
        as(SAM).body(body).put("/api/v1/sla/holidays").then().statusCode(200);
    }

    // ---- tickets

    public static JsonPath ticket(String id) {
        return as(SAM).get("/api/v1/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath patch(String user, String id, Map<String, Object> changes) {
        return as(user).body(changes).patch("/api/v1/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath timeline(String id) {
        return as(SAM).get("/api/v1/tickets/" + id + "/sla/timeline").then().statusCode(200).extract().jsonPath();
    }

    /** The ticket's events, all pages, as staff see them. */
    public static List<Map<String, Object>> events(String id) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(SAM).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/tickets/" + id + "/events").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    public static long countEvents(String id, String type, String field) {
        return events(id).stream().filter(e -> type.equals(e.get("type")) && field.equals(e.get("field"))).count();
    }

    /** The moment of the last event of a type (e.g. the STATUS_CHANGED to RESOLVED). */
    public static Instant lastEventAt(String id, String type, String after) {
        Instant found = null;
        for (Map<String, Object> e : events(id)) {
            if (type.equals(e.get("type")) && (after == null || after.equals(e.get("after")))) {
                found = OffsetDateTime.parse((String) e.get("at")).toInstant();
            }
        }
        if (found == null) {
            throw new AssertionError("no " + type + " event (after " + after + ") on ticket " + id);
        }
        return found;
    }
}
