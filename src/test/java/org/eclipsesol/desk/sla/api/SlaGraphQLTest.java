package org.eclipsesol.desk.sla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.GraphQL.query;
import static org.eclipsesol.desk.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** SLA queries and supervisor mutations over GraphQL (nothing here changes the policy or holidays for other tests). */
@QuarkusTest
class SlaGraphQLTest {

    @Test
    void quoteFollowsTheBusinessHoursClockAndTheAgreement() {
        Fixtures.acme();
        String quote = """
                query Q($p: Priority!, $at: DateTime) {
                  slaQuote(priority: $p, openedAt: $at) { policyVersion targetSource response { target clock dueAt } resolution { target } }
                }""";
        // MEDIUM opened Friday 16:00 in Denver is due for response Monday 16:00 (PRODUCT.md).
        JsonPath medium = query(ANA, quote, vars("p", "MEDIUM", "at", "2026-11-27T16:00:00-07:00"));
        assertThat(medium.getString("data.slaQuote.response.clock")).isEqualTo("BUSINESS_HOURS");
        assertThat(medium.getString("data.slaQuote.response.target")).isEqualTo("PT8H");
        assertThat(medium.getString("data.slaQuote.response.dueAt")).isEqualTo("2026-11-30T23:00:00Z");
        Fixtures.globex();
        JsonPath globexHigh = query(CARLA, quote, vars("p", "HIGH", "at", "2026-11-27T16:00:00-07:00"));
        assertThat(globexHigh.getString("data.slaQuote.targetSource")).isEqualTo("AGREEMENT");
        assertThat(globexHigh.getString("data.slaQuote.resolution.target")).isEqualTo("PT8H");
    }

    @Test
    void policiesAndHolidaysAreReadableAndOnlySupervisorsChangeThem() {
        Fixtures.acme();
        JsonPath current = query(ANA,
                "query { currentSlaPolicy { version timeZone targets { key value { clock response } } } slaPolicies { version } holidays { date name } }");
        assertThat(current.getString("data.currentSlaPolicy.timeZone")).isNotBlank();
        assertThat(current.getList("data.slaPolicies.version")).isNotEmpty();

        String publish = "mutation P($input: SlaPolicyInput!) { publishSlaPolicy(input: $input) { version } }";
        Map<String, Object> target = Map.of("clock", "BUSINESS_HOURS", "response", "PT8H", "resolution", "PT48H");
        Map<String, Object> input = Map.of("timeZone", "Mars/Olympus", "businessHours",
                List.of(Map.of("key", "MONDAY", "value", "09:00-17:00")), "targets",
                List.of(Map.of("key", "CRITICAL", "value", target), Map.of("key", "HIGH", "value", target),
                        Map.of("key", "MEDIUM", "value", target), Map.of("key", "LOW", "value", target)));
        assertThat(query(TOM, publish, vars("input", input)).getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath invalid = query(SAM, publish, vars("input", input));
        assertThat(invalid.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(invalid.getString("errors[0].extensions.violations[0].field")).isEqualTo("timeZone");

        List<Map<String, Object>> holidays = current.getList("data.holidays");
        String set = "mutation H($h: [HolidayInput!]!) { setHolidays(holidays: $h) { date name } }";
        assertThat(query(TOM, set, vars("h", holidays)).getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        assertThat(query(SAM, set, vars("h", holidays)).getList("data.setHolidays")).isEqualTo(holidays);
    }

    @Test
    void supervisorOverridesATicketsTargetsWithAReason() {
        String id = Fixtures.clientTicket(ANA, "Complex migration", "LOW").getString("id");
        String override = """
                mutation O($id: ID!, $input: SlaOverrideInput!) {
                  overrideSla(ticketId: $id, input: $input) { targetSource overrideReason resolution { target } }
                }""";
        Map<String, Object> input = Map.of("resolution", "PT120H", "reason", "Times may vary with the complexity");
        assertThat(query(TOM, override, vars("id", id, "input", input)).getString("errors[0].extensions.code"))
                .isEqualTo("FORBIDDEN");
        JsonPath done = query(SAM, override, vars("id", id, "input", input));
        assertThat(done.getString("data.overrideSla.targetSource")).isEqualTo("OVERRIDE");
        assertThat(done.getString("data.overrideSla.resolution.target")).isEqualTo("PT120H");
        assertThat(query(ANA, "query T($id: ID!) { ticket(id: $id) { sla { targetSource overrideReason } } }",
                vars("id", id)).getString("data.ticket.sla.overrideReason")).isEqualTo("Times may vary with the complexity");
    }
}
