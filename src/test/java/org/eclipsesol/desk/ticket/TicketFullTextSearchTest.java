package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** q: full-text search over title, description, error message and public comments, ranked; ticket numbers exact. */
@QuarkusTest
class TicketFullTextSearchTest {

    private static final Random RANDOM = new Random();

    /** A made-up word no other ticket contains (letters only, so the parser keeps it whole). */
    private static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.toString();
    }

    private static List<String> ids(String user, Map<String, Object> query) {
        return as(user).queryParams(query).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    @Test
    void findsByWordsAndNumberButNeverByInternalNotes() {
        Fixtures.acme();
        String titleWord = word();
        String bodyWord = word();
        String errorWord = word();
        String commentWord = word();
        String noteWord = word();
        Map<String, Object> body = Fixtures.ticketBody("Printers " + titleWord + " offline", "MEDIUM");
        body.put("description", "The printers on the second floor show " + bodyWord + " since Monday");
        body.put("errorMessage", "ERR " + errorWord);
        JsonPath ticket = as(ANA).body(body).post("/api/v1/tickets").then().statusCode(201).extract().jsonPath();
        String id = ticket.getString("id");
        as(TOM).body(Map.of("body", "We replaced the " + commentWord + " cable")).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);
        as(TOM).body(Map.of("body", "Vendor case " + noteWord, "internal", true)).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);

        assertThat(ids(ANA, Map.of("q", titleWord))).containsExactly(id);
        assertThat(ids(ANA, Map.of("q", "printer " + titleWord))).as("stemmed: printers ~ printer").containsExactly(id);
        assertThat(ids(ANA, Map.of("q", bodyWord))).containsExactly(id);
        assertThat(ids(ANA, Map.of("q", errorWord))).containsExactly(id);
        assertThat(ids(ANA, Map.of("q", commentWord))).containsExactly(id);
        assertThat(ids(ANA, Map.of("q", titleWord + " -" + bodyWord))).as("websearch syntax: -word excludes").isEmpty();
        assertThat(ids(ANA, Map.of("q", noteWord))).as("a client never finds a ticket by an internal note").isEmpty();
        assertThat(ids(TOM, Map.of("q", noteWord))).as("internal notes are not indexed at all").isEmpty();
        assertThat(ids(CARLA, Map.of("q", titleWord))).as("another organization's ticket").isEmpty();
        String number = ticket.getString("number");
        assertThat(ids(ANA, Map.of("q", number))).first().isEqualTo(id);
        assertThat(ids(ANA, Map.of("q", number.substring(2)))).first().isEqualTo(id);
        JsonPath graphql = GraphQL.query(ANA,
                "query S($q: String) { tickets(first: 5, filter: {q: $q}) { totalCount edges { node { id } } } }",
                GraphQL.vars("q", commentWord));
        assertThat(graphql.getList("data.tickets.edges.node.id")).containsExactly(id);
        assertThat(graphql.getInt("data.tickets.totalCount")).isEqualTo(1);
    }

    @Test
    void rankedTitleFirstAndPagedByRank() {
        Fixtures.acme();
        String shared = word();
        String inComment = Fixtures.clientTicket(ANA, "Laptop fan noise " + word(), "LOW").getString("id");
        as(TOM).body(Map.of("body", "Probably the " + shared + " again")).post("/api/v1/tickets/" + inComment + "/comments")
                .then().statusCode(201);
        String inTitle = Fixtures.clientTicket(ANA, "The " + shared + " is broken", "LOW").getString("id");
        String older = Fixtures.clientTicket(ANA, "Docking " + shared + " " + shared + " flickers", "LOW").getString("id");
        List<String> ranked = ids(TOM, Map.of("q", shared));
        assertThat(ranked).hasSize(3);
        assertThat(ranked.get(2)).as("a comment weighs least").isEqualTo(inComment);
        assertThat(ranked).containsExactlyInAnyOrder(inTitle, older, inComment);
        // Keyset paging by rank gives the same order, one by one.
        JsonPath first = as(TOM).queryParams(Map.of("q", shared, "limit", 1)).get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath();
        JsonPath second = as(TOM).queryParams(Map.of("q", shared, "limit", 1, "cursor", first.getString("nextCursor")))
                .get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
        JsonPath third = as(TOM).queryParams(Map.of("q", shared, "limit", 1, "cursor", second.getString("nextCursor")))
                .get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
        assertThat(List.of(first.getString("items[0].id"), second.getString("items[0].id"), third.getString("items[0].id")))
                .isEqualTo(ranked);
        assertThat(third.getString("nextCursor")).isNull();
        // An explicit sort keeps its order: newest first.
        assertThat(ids(TOM, Map.of("q", shared, "sort", "NEWEST"))).containsExactly(older, inTitle, inComment);
    }

    /**
     * The test profile ranks only the newest 4 matches (desk.search.ranked-matches): they come first by rank, then the
     * older matches newest first however well they match; a walk page by page gives the same list, each match once.
     */
    @Test
    void ranksOnlyTheNewestMatchesThenTheOlderOnesNewestFirst() {
        Fixtures.acme();
        String w = word();
        List<String> ids = new java.util.ArrayList<>();
        String[][] texts = { { w + " " + w + " " + w + " keyboard", "Nothing else" }, { "Mouse " + w, "Nothing else" },
                { "Monitor", "The " + w + " again" }, { "Dock " + w, "Nothing else" },
                { w + " " + w + " headset", "Nothing else" }, { "Webcam", "The " + w + " again" },
                { "Speaker", "The " + w + " again" } };
        for (String[] text : texts) {
            Map<String, Object> body = Fixtures.ticketBody(text[0], "LOW");
            body.put("description", text[1]);
            ids.add(as(ANA).body(body).post("/api/v1/tickets").then().statusCode(201).extract().path("id"));
        }
        // newest four (3..6) by rank: two title hits, one title hit, then the description hits newest first; then 2, 1, 0
        List<String> expected = List.of(ids.get(4), ids.get(3), ids.get(6), ids.get(5), ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(TOM, Map.of("q", w))).isEqualTo(expected);
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var request = as(TOM).queryParam("q", w).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
            walked.addAll(json.getList("items.id"));
            cursor = json.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(walked).isEqualTo(expected);
        List<String> newest = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newest);
        assertThat(ids(TOM, Map.of("q", w, "sort", "NEWEST"))).isEqualTo(newest);
    }

    /**
     * The ranked part is looked for in windows of the newest tickets (25 x the cap, 100 in the test profile, read in
     * number order), then in a larger one, then among all: matches spread far apart are found and ranked all the same,
     * and a word with no match in the first window is found in the whole table.
     */
    @Test
    void matchesBeyondTheFirstWindowsAreRankedToo() {
        Fixtures.acme();
        String spread = word();
        String rare = word();
        String oldest = create(spread + " " + spread + " " + spread + " printer", "Nothing else");
        String rareOne = create("Scanner " + rare, "Nothing else");
        for (int i = 0; i < 320; i++) {
            create("Filler " + i, "Nothing to find here");
        }
        String middle = create("Router", "The " + spread + " again");
        for (int i = 0; i < 110; i++) {
            create("More filler " + i, "Nothing to find here");
        }
        String newer = create(spread + " " + spread + " laptop", "Nothing else");
        String newest = create("Phone", "The " + spread + " again");
        // Fewer than 4 matches in every window: all three windows are read, and all four matches are ranked (title hits
        // first, the more often the better), none listed as an "older" match.
        assertThat(ids(TOM, Map.of("q", spread))).containsExactly(oldest, newer, newest, middle);
        assertThat(ids(TOM, Map.of("q", rare))).containsExactly(rareOne);
    }

    private static String create(String title, String description) {
        Map<String, Object> body = Fixtures.ticketBody(title, "LOW");
        body.put("description", description);
        return as(ANA).body(body).post("/api/v1/tickets").then().statusCode(201).extract().path("id");
    }
}
