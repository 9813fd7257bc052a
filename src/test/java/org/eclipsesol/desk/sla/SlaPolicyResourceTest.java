package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.instant;
import static org.eclipsesol.desk.sla.SlaTestSupport.unique;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Policies;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Policy versions. Publishing changes global state for every test in this JVM: each publication here is either
 * identical in targets to version 1, or immediately followed by a version-1-equivalent one.
 */
@QuarkusTest
class SlaPolicyResourceTest {

    /** The seed policy's content, as a POST body. */
    static Map<String, Object> v1Equivalent(String note) {
        return Policies.v1Equivalent(note);
    }

    static Map<String, Object> target(String clock, String response, String resolution) {
        return Policies.target(clock, response, resolution);
    }

    private static List<Map<String, Object>> versions() {
        return as(TOM).get("/api/v1/sla/policies").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static int currentVersion() {
        return as(TOM).get("/api/v1/sla/policies/current").then().statusCode(200).extract().path("version");
    }

    @Test
    void versionOneIsTheSeedPolicyAndEveryoneMayReadIt() {
        Fixtures.acme();
        JsonPath all = as(ANA).get("/api/v1/sla/policies").then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("[0].version")).isEqualTo(1);
        assertThat(all.getString("[0].timeZone")).isEqualTo("America/Denver");
        assertThat(all.getDouble("[0].atRiskShare")).isEqualTo(0.75);
        assertThat(all.getMap("[0].businessHours")).containsExactly(Map.entry("MONDAY", "09:00-17:00"),
                Map.entry("TUESDAY", "09:00-17:00"), Map.entry("WEDNESDAY", "09:00-17:00"),
                Map.entry("THURSDAY", "09:00-17:00"), Map.entry("FRIDAY", "09:00-17:00"));
        assertThat(all.getMap("[0].targets.CRITICAL")).isEqualTo(target("TWENTY_FOUR_SEVEN", "PT1H", "PT4H"));
        assertThat(all.getMap("[0].targets.HIGH")).isEqualTo(target("BUSINESS_HOURS", "PT2H", "PT12H"));
        assertThat(all.getMap("[0].targets.MEDIUM")).isEqualTo(target("BUSINESS_HOURS", "PT8H", "PT48H"));
        assertThat(all.getMap("[0].targets.LOW")).isEqualTo(target("BUSINESS_HOURS", "PT24H", "PT72H"));
        assertThat(instant(all, "[0].effectiveFrom")).isEqualTo(Instant.parse("2024-08-08T06:00:00Z"));

        List<Integer> numbers = all.getList("version", Integer.class);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("versions are numbered without gaps").isEqualTo(i + 1);
        }
        JsonPath current = as(ANA).get("/api/v1/sla/policies/current").then().statusCode(200).extract().jsonPath();
        assertThat(current.getInt("version")).isEqualTo(numbers.get(numbers.size() - 1));

        as(ANA).get("/api/v1/sla/policies/1").then().statusCode(200).body("version", equalTo(1))
                .body("targets.HIGH.response", equalTo("PT2H"));
        as(ANA).get("/api/v1/sla/policies/9999").then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/api/v1/sla/policies").then().statusCode(401);
    }

    @Test
    void onlyASupervisorMayPublish() {
        Fixtures.acme();
        int before = versions().size();
        as(TOM).body(v1Equivalent("technician tries")).post("/api/v1/sla/policies").then().statusCode(403)
                .contentType("application/problem+json");
        as(ANA).body(v1Equivalent("client tries")).post("/api/v1/sla/policies").then().statusCode(403)
                .contentType("application/problem+json");
        anonymous().body(v1Equivalent("anonymous tries")).post("/api/v1/sla/policies").then().statusCode(401);
        assertThat(versions()).hasSize(before);
    }

    private static void assertInvalid(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = v1Equivalent("invalid");
        change.accept(body);
        as(SAM).body(body).post("/api/v1/sla/policies").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("violations[0].field", equalTo(field));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> targets(Map<String, Object> body) {
        return (Map<String, Object>) body.get("targets");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hours(Map<String, Object> body) {
        return (Map<String, Object>) body.get("businessHours");
    }

    @Test
    void invalidPoliciesAre400AndPublishNothing() {
        int before = versions().size();
        assertInvalid(b -> b.put("timeZone", "Mars/Olympus_Mons"), "timeZone");
        assertInvalid(b -> b.remove("timeZone"), "timeZone");
        assertInvalid(b -> b.put("atRiskShare", 1.5), "atRiskShare");
        assertInvalid(b -> b.put("atRiskShare", 0), "atRiskShare");
        assertInvalid(b -> b.remove("targets"), "targets");
        assertInvalid(b -> targets(b).remove("LOW"), "targets");
        assertInvalid(b -> targets(b).put("HIGH", target("BUSINESS_HOURS", "PT0S", "PT12H")), "targets.HIGH.response");
        assertInvalid(b -> targets(b).put("HIGH", target("BUSINESS_HOURS", "-PT2H", "PT12H")), "targets.HIGH.response");
        assertInvalid(b -> targets(b).put("MEDIUM", target("BUSINESS_HOURS", "PT8H", "PT4H")), "targets.MEDIUM.resolution");
        assertInvalid(b -> targets(b).put("LOW", target("SOMETIMES", "PT8H", "PT48H")), "targets.LOW.clock");
        assertInvalid(b -> hours(b).put("FUNDAY", "09:00-17:00"), "businessHours");
        assertInvalid(b -> hours(b).put("MONDAY", "17:00-09:00"), "businessHours.MONDAY");
        assertInvalid(b -> hours(b).put("MONDAY", "nine to five"), "businessHours.MONDAY");
        assertInvalid(b -> hours(b).put("TUESDAY", "09:00-13:00,12:00-17:00"), "businessHours");
        // A value cannot smuggle in another day through the storage separators, and a day cannot be given twice.
        assertInvalid(b -> hours(b).put("MONDAY", "09:00-17:00;SATURDAY=09:00-17:00"), "businessHours.MONDAY");
        assertInvalid(b -> hours(b).put("monday", "10:00-12:00"), "businessHours.monday");
        assertInvalid(b -> hours(b).put("MONDAY", null), "businessHours.MONDAY");
        assertInvalid(b -> b.put("version", 1), "version");
        as(SAM).body("{").post("/api/v1/sla/policies").then().statusCode(400).contentType("application/problem+json");
        assertThat(versions()).as("a refused publication publishes nothing").hasSize(before);
    }

    @Test
    void aPublishedVersionIsNumberedImmutableAndPinsTicketsOpenedFromThenOn() {
        String acme = Fixtures.acme();
        int last = currentVersion();
        String early = Fixtures.staffTicket(TOM, acme, "ana@acme.example", unique("Policy pin early"), "LOW", null)
                .getString("id");
        Instant dayBefore = TestClock.now().minus(1, ChronoUnit.DAYS);
        String yesterday = Fixtures.staffTicket(TOM, acme, "ana@acme.example", unique("Policy pin logged later"), "LOW",
                dayBefore).getString("id");
        // Other tests may have published versions less than a day ago: the one in force then is the latest before it.
        int inForceYesterday = versions().stream()
                .filter(v -> !Instant.parse((String) v.get("effectiveFrom")).isAfter(dayBefore))
                .mapToInt(v -> (Integer) v.get("version")).max().orElseThrow();
        assertThat(SlaTestSupport.ticket(early).getInt("sla.policyVersion")).isEqualTo(last);

        Instant before = TestClock.now();
        var created = as(SAM).body(v1Equivalent("Same targets, clarified wording")).post("/api/v1/sla/policies").then()
                .statusCode(201).extract();
        JsonPath published = created.jsonPath();
        int version = published.getInt("version");
        assertThat(version).isEqualTo(last + 1);
        assertThat(created.header("Location")).endsWith("/api/v1/sla/policies/" + version);
        assertThat(published.getString("publishedBy")).isEqualTo(SAM);
        assertThat(published.getString("note")).isEqualTo("Same targets, clarified wording");
        assertThat(instant(published, "effectiveFrom")).isBetween(before.minusSeconds(5), TestClock.now().plusSeconds(5));
        assertThat(instant(published, "publishedAt")).isEqualTo(instant(published, "effectiveFrom"));
        assertThat(published.getMap("targets.LOW")).isEqualTo(target("BUSINESS_HOURS", "PT24H", "PT72H"));
        assertThat(currentVersion()).isEqualTo(version);
        // What the POST answered is what the list and the version's own address show.
        Map<String, Object> listed = versions().stream().filter(v -> ((Integer) v.get("version")) == version).findFirst()
                .orElseThrow();
        assertThat(listed).isEqualTo(published.getMap("$"));
        assertThat(as(TOM).get(created.header("Location")).then().statusCode(200).extract().jsonPath().getMap("$"))
                .isEqualTo(published.getMap("$"));

        String late = Fixtures.staffTicket(TOM, acme, "ana@acme.example", unique("Policy pin late"), "LOW", null)
                .getString("id");
        assertThat(SlaTestSupport.ticket(late).getInt("sla.policyVersion")).isEqualTo(version);
        assertThat(SlaTestSupport.ticket(early).getInt("sla.policyVersion")).as("older tickets keep their version")
                .isEqualTo(last);
        assertThat(SlaTestSupport.ticket(yesterday).getInt("sla.policyVersion"))
                .as("a ticket keeps the version in force when it was opened").isEqualTo(inForceYesterday);
    }

    @Test
    void newTargetsApplyOnlyToTicketsOpenedAfterThePublication() {
        String acme = Fixtures.acme();
        String old = Fixtures.staffTicket(TOM, acme, "ana@acme.example", unique("Policy targets old"), "LOW", null)
                .getString("id");
        int oldVersion = SlaTestSupport.ticket(old).getInt("sla.policyVersion");
        Map<String, Object> faster = v1Equivalent("Faster LOW targets (test, reverted at once)");
        targets(faster).put("LOW", target("BUSINESS_HOURS", "PT4H", "PT16H"));
        String fresh;
        int fasterVersion;
        try {
            fasterVersion = as(SAM).body(faster).post("/api/v1/sla/policies").then().statusCode(201).extract()
                    .path("version");
            fresh = Fixtures.staffTicket(TOM, acme, "ana@acme.example", unique("Policy targets new"), "LOW", null)
                    .getString("id");
        } finally {
            as(SAM).body(v1Equivalent("Back to the published support policy")).post("/api/v1/sla/policies").then()
                    .statusCode(201);
        }
        JsonPath freshTicket = SlaTestSupport.ticket(fresh);
        assertThat(freshTicket.getInt("sla.policyVersion")).isEqualTo(fasterVersion);
        assertThat(freshTicket.getString("sla.response.target")).isEqualTo("PT4H");
        assertThat(freshTicket.getString("sla.resolution.target")).isEqualTo("PT16H");
        JsonPath oldTicket = SlaTestSupport.ticket(old);
        assertThat(oldTicket.getInt("sla.policyVersion")).isEqualTo(oldVersion);
        assertThat(oldTicket.getString("sla.response.target")).isEqualTo("PT24H");
        assertThat(oldTicket.getString("sla.resolution.target")).isEqualTo("PT72H");
        // The version in force again has the seed's targets.
        JsonPath current = as(TOM).get("/api/v1/sla/policies/current").then().statusCode(200).extract().jsonPath();
        assertThat(current.getInt("version")).isEqualTo(fasterVersion + 1);
        assertThat(current.getMap("targets.LOW")).isEqualTo(target("BUSINESS_HOURS", "PT24H", "PT72H"));
        // The faster version itself is unchanged by the later publication.
        assertThat(as(TOM).get("/api/v1/sla/policies/" + fasterVersion).then().statusCode(200).extract().jsonPath()
                .getString("targets.LOW.response")).isEqualTo("PT4H");
    }
}
