package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Business hours and the phase log are stored structured (JSONB, migration V4): the seeded policy's text was
 * converted, new status changes are written as entries, and the API shows what it showed before.
 */
@QuarkusTest
class StructuredStorageTest {

    @Test
    void theSeededBusinessHoursWereConvertedToEntries() {
        List<Map<String, String>> rows = Db.rows("""
                select jsonb_typeof(business_hours) as kind, jsonb_array_length(business_hours) as entries,
                       business_hours->0->>'day' as day, business_hours->0->>'from' as starts,
                       business_hours->0->>'to' as ends
                from sla_policy where version = 1
                """);
        assertThat(rows).containsExactly(
                Map.of("kind", "array", "entries", "5", "day", "MONDAY", "starts", "09:00", "ends", "17:00"));
        as(TOM).get("/api/v1/sla/policies/1").then().statusCode(200)
                .body("businessHours.MONDAY", equalTo("09:00-17:00"))
                .body("businessHours.FRIDAY", equalTo("09:00-17:00"))
                .body("businessHours.size()", equalTo(5));
    }

    @Test
    void everyStatusChangeIsAnEntryWithTheEventsExactInstant() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Structured log"), "LOW").getString("id");
        for (String status : List.of("WAITING_ON_CLIENT", "IN_PROGRESS")) {
            as(TOM).body(Map.of("status", status)).patch("/api/v1/tickets/" + id).then().statusCode(200);
        }
        List<Map<String, String>> entries = Db.rows("""
                select e->>'phase' as phase, (e->>'at')::timestamptz = ev.occurred_at as exact
                from ticket t, jsonb_array_elements(t.phase_log) with ordinality as l(e, n)
                join lateral (select occurred_at from ticket_event where ticket_id = t.id and type = 'STATUS_CHANGED'
                              order by id offset l.n - 1 limit 1) ev on true
                where t.id = cast(? as uuid) order by l.n
                """, id);
        assertThat(entries).containsExactly(Map.of("phase", "WAITING", "exact", "t"), Map.of("phase", "OPEN", "exact", "t"));
        as(TOM).get("/api/v1/tickets/" + id + "/sla/timeline").then().statusCode(200).body("consistent", equalTo(true));
    }
}
