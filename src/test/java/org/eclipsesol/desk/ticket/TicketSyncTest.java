package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Incremental sync: {@code updatedSince} with {@code sort=UPDATED} returns the tickets changed at or after the instant,
 * oldest change first, and its (updatedAt, id) cursor never skips a ticket changed while a client pages.
 */
@QuarkusTest
class TicketSyncTest {

    @BeforeEach
    void tokens() {
        Fixtures.acme();
        Fixtures.globex();
        Api.token(ANA);
        Api.token(SAM);
        Api.token(CARLA);
    }

    /** Ticket {@code before}, then the instant {@code since}, then a and b opened, then a public answer on a. */
    private record Changes(String before, Instant since, String a, String b) {
    }

    private Changes changes(String marker) {
        String before = create(marker + " before");
        TicketClockStep.next();
        Instant since = TestClock.now();
        TicketClockStep.next();
        String a = create(marker + " a");
        TicketClockStep.next();
        String b = create(marker + " b");
        TicketClockStep.next();
        comment(a, SAM, "A public answer", false);
        return new Changes(before, since, a, b);
    }

    @Test
    void onlyTicketsChangedSinceTheInstantOldestChangeFirst() {
        String marker = Fixtures.unique("sync-since");
        Changes changes = changes(marker);
        String before = changes.before(), a = changes.a(), b = changes.b();
        Instant since = changes.since();

        List<Map<String, Object>> items = as(SAM).queryParam("updatedSince", since.toString()).queryParam("sort", "UPDATED")
                .queryParam("q", marker).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(items).extracting(t -> t.get("id")).containsExactly(b, a).doesNotContain(before);
        assertThat(Instant.parse((String) items.get(0).get("updatedAt")))
                .isBefore(Instant.parse((String) items.get(1).get("updatedAt")));

        // At or after: the exact updatedAt of b keeps b.
        String bAt = (String) items.get(0).get("updatedAt");
        assertThat(as(SAM).queryParam("updatedSince", bAt).queryParam("sort", "UPDATED").queryParam("q", marker)
                .get("/api/v1/tickets").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(b, a);
    }

    /** With q (the full-text path) and without (the JPQL path, where updatedSince alone narrows the list). */
    @ParameterizedTest(name = "text={0}")
    @ValueSource(booleans = { true, false })
    void aTicketChangedWhilePagingComesAgainAtTheEndAndNothingIsSkipped(boolean text) {
        String marker = Fixtures.unique("sync-paging");
        TicketClockStep.next();
        Instant since = TestClock.now();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TicketClockStep.next();
            created.add(create(marker + " #" + i));
        }

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(SAM).queryParam("updatedSince", since.toString()).queryParam("sort", "UPDATED")
                    .queryParam("limit", 3);
            if (text) {
                request.queryParam("q", marker);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (pages == 0) {
                // The first ticket, already seen, changes between pages: it moves behind the cursor.
                TicketClockStep.next();
                comment(created.get(0), SAM, "Changed while the client pages", false);
            }
            pages++;
        } while (cursor != null && pages < 20);

        List<String> expected = new ArrayList<>(created);
        expected.add(created.get(0));
        // Without q the walk also meets tickets of other tests that the scheduled jobs change meanwhile: only this
        // test's tickets, in the order walked, are compared.
        walked.retainAll(created);
        assertThat(walked).as("every ticket once in order, the changed one again at the end")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aClientSyncsOnlyTheirOrganizationAndAnInternalNoteDoesNotMakeATicketReappear() {
        String marker = Fixtures.unique("sync-client");
        TicketClockStep.next();
        Instant since = TestClock.now();
        TicketClockStep.next();
        String acme = Fixtures.clientTicket(ANA, marker + " acme", "LOW").getString("id");
        TicketClockStep.next();
        String globex = Fixtures.clientTicket(CARLA, marker + " globex", "LOW").getString("id");

        JsonPath first = sync(ANA, since);
        assertThat(first.getList("items.id", String.class)).contains(acme).doesNotContain(globex);
        assertThat(first.getList("items.organization.name", String.class)).containsOnly(Fixtures.ACME);
        String lastUpdatedAt = first.getString("items[-1].updatedAt");
        Object versionBefore = as(SAM).get("/api/v1/tickets/" + acme).then().statusCode(200).extract().path("version");

        TicketClockStep.next();
        comment(acme, SAM, "Staff-only thought", true);
        JsonPath afterNote = as(SAM).get("/api/v1/tickets/" + acme).then().statusCode(200).extract().jsonPath();
        assertThat(afterNote.getString("updatedAt")).as("an internal note changes nothing a client sees")
                .isEqualTo(first.getString("items.find { it.id == '" + acme + "' }.updatedAt"));
        assertThat(afterNote.get("version").toString()).isEqualTo(versionBefore.toString());

        // The next sync asks from the last item's updatedAt: at that instant the ticket comes again with the same
        // version (the client de-duplicates by id + version); just after it, the noted ticket is not a change.
        String noted = "items.find { it.id == '" + acme + "' }";
        JsonPath again = sync(ANA, Instant.parse(lastUpdatedAt));
        if (lastUpdatedAt.equals(afterNote.getString("updatedAt"))) {
            assertThat(again.get(noted + ".version").toString()).isEqualTo(versionBefore.toString());
        }
        assertThat(sync(ANA, Instant.parse(afterNote.getString("updatedAt")).plusNanos(1000)).getList("items.id",
                String.class)).doesNotContain(acme, globex);
        assertThat(sync(CARLA, since).getList("items.id", String.class)).contains(globex).doesNotContain(acme);
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2026-13-01T00:00:00Z", "2026-12-01T10:00:00", "1999-12-31T23:59:59Z",
            "2100-01-01T00:00:00Z" })
    void anInvalidUpdatedSinceIsA400(String value) {
        as(SAM).queryParam("updatedSince", value).get("/api/v1/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", org.hamcrest.Matchers.is("updatedSince"));
    }

    @Test
    void graphqlFiltersByUpdatedSinceInUpdatedOrder() {
        String marker = Fixtures.unique("sync-graphql");
        Changes changes = changes(marker);
        String old = changes.before(), a = changes.a(), b = changes.b();
        Instant since = changes.since();

        JsonPath result = GraphQL.query(SAM, """
                query S($f: TicketFilter) { tickets(filter: $f, first: 10) { edges { node { id } } totalCount } }""",
                GraphQL.vars("f", Map.of("updatedSince", since.toString(), "sort", "UPDATED", "q", marker)));
        assertThat(result.getList("errors")).isNull();
        assertThat(result.getList("data.tickets.edges.node.id", String.class)).containsExactly(b, a).doesNotContain(old);
        assertThat(result.getInt("data.tickets.totalCount")).isEqualTo(2);

        JsonPath bad = GraphQL.query(SAM, "query S($f: TicketFilter) { tickets(filter: $f) { totalCount } }",
                GraphQL.vars("f", Map.of("updatedSince", "1990-01-01T00:00:00Z")));
        assertThat(bad.getList("errors")).isNotEmpty();
        assertThat(bad.getString("data.tickets")).isNull();
    }

    private static JsonPath sync(String user, Instant since) {
        return as(user).queryParam("updatedSince", since.toString()).queryParam("sort", "UPDATED").queryParam("limit", 100)
                .get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
    }

    private static String create(String title) {
        return as(ANA).body(Fixtures.ticketBody(title, "LOW")).post("/api/v1/tickets").then().statusCode(201).extract()
                .path("id");
    }

    private static void comment(String id, String user, String body, boolean internal) {
        as(user).body(Map.of("body", body, "internal", internal)).post("/api/v1/tickets/" + id + "/comments").then()
                .statusCode(201);
    }

    /** Lets a second of test time pass, so consecutive changes have distinct updatedAt values. */
    private static final class TicketClockStep {
        static void next() {
            TestClock.advance(Duration.ofSeconds(1));
        }
    }
}
