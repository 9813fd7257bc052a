package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.as;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Cursor paging is stable: walking every page of a filtered list while another thread keeps creating
 * matching tickets returns every ticket that existed before the walk exactly once, in order, never twice.
 */
@QuarkusTest
class TicketPagingTest {

    static final int EXISTING = 30;
    static final int PAGE = 7;
    static final int MAX_CREATED_DURING_WALK = 20;

    @BeforeEach
    void tokens() {
        Fixtures.acme();
        Fixtures.globex();
        Api.token(ANA);
        Api.token(SAM);
    }

    @ParameterizedTest(name = "sort={0}")
    @ValueSource(strings = { "NEWEST", "OLDEST", "DUE", "UPDATED" })
    void walkingAllPagesWhileTicketsAreCreatedReturnsEachExistingTicketOnce(String sort) throws Exception {
        String marker = "paging-" + UUID.randomUUID();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(create(marker + " #" + i, "LOW"));
        }
        // Same marker, other priority; and same priority without the marker: the filter must leave them out.
        Set<String> noise = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            noise.add(create(marker + " medium #" + i, "MEDIUM"));
            noise.add(create(Fixtures.unique("Unrelated low"), "LOW"));
        }

        // The creator adds one matching ticket, then lets the walker fetch one page: they interleave.
        Semaphore pageAllowed = new Semaphore(0);
        AtomicBoolean walking = new AtomicBoolean(true);
        List<String> createdDuringWalk = Collections.synchronizedList(new ArrayList<>());
        ExecutorService creator = Executors.newSingleThreadExecutor();
        Future<?> creating = creator.submit(() -> {
            while (walking.get() && createdDuringWalk.size() < MAX_CREATED_DURING_WALK) {
                createdDuringWalk.add(create(marker + " late #" + createdDuringWalk.size(), "LOW"));
                pageAllowed.release();
            }
            pageAllowed.release(1000);
            return null;
        });

        List<Map<String, Object>> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        try {
            do {
                assertThat(pageAllowed.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
                var request = as(SAM).queryParam("priority", "LOW").queryParam("q", marker).queryParam("limit", PAGE)
                        .queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                walked.addAll(items);
                pageSizes.add(items.size());
                cursor = page.getString("nextCursor");
                assertThat(pageSizes).as("pages so far").hasSizeLessThan(50);
            } while (cursor != null);
        } finally {
            walking.set(false);
            creating.get(60, TimeUnit.SECONDS);
            creator.shutdownNow();
        }

        List<String> ids = walked.stream().map(t -> (String) t.get("id")).toList();
        assertThat(ids).as("no ticket twice").doesNotHaveDuplicates();
        assertThat(ids).as("every ticket that existed before the walk").containsAll(existing);
        assertThat(ids).as("nothing outside the filter").doesNotContainAnyElementsOf(noise);
        assertThat(walked).allSatisfy(t -> {
            assertThat(t.get("priority")).isEqualTo("LOW");
            assertThat((String) t.get("title")).contains(marker);
        });
        Set<String> known = new HashSet<>(existing);
        known.addAll(createdDuringWalk);
        assertThat(known).as("only tickets of this walk").containsAll(ids);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).as("full pages before the last").allMatch(s -> s == PAGE);
        assertThat(pageSizes.get(pageSizes.size() - 1)).isBetween(0, PAGE);
        assertThat(createdDuringWalk).as("tickets were created while walking").isNotEmpty();

        List<Long> numbers = walked.stream().map(t -> Long.parseLong(((String) t.get("number")).substring(2))).toList();
        switch (sort) {
            case "NEWEST" -> assertThat(numbers).as("strictly descending").isSortedAccordingTo((a, b) -> Long.compare(b, a))
                    .doesNotHaveDuplicates();
            case "OLDEST" -> {
                assertThat(numbers).as("strictly ascending").isSorted().doesNotHaveDuplicates();
                // New tickets come last in this order, so the walk sees them too.
                assertThat(ids.subList(0, EXISTING)).containsExactlyElementsOf(existing);
            }
            case "DUE" -> {
                // Earliest running SLA due time first, ties by number.
                for (int i = 1; i < walked.size(); i++) {
                    Instant previous = earliestDue(walked.get(i - 1));
                    Instant current = earliestDue(walked.get(i));
                    assertThat(current).as("due times never go back").isAfterOrEqualTo(previous);
                    if (current.equals(previous)) {
                        assertThat(numbers.get(i)).as("ties by number").isGreaterThan(numbers.get(i - 1));
                    }
                }
            }
            case "UPDATED" -> {
                // Oldest change first, ties by id: nothing changes during the walk, so creation order; new ones last.
                for (int i = 1; i < walked.size(); i++) {
                    assertThat(Instant.parse((String) walked.get(i).get("updatedAt"))).as("changes never go back")
                            .isAfterOrEqualTo(Instant.parse((String) walked.get(i - 1).get("updatedAt")));
                }
                assertThat(ids.subList(0, EXISTING)).containsExactlyElementsOf(existing);
            }
            default -> throw new IllegalArgumentException(sort);
        }
    }

    private static String create(String title, String priority) {
        return as(ANA).body(Fixtures.ticketBody(title, priority)).post("/api/v1/tickets").then().statusCode(201).extract()
                .path("id");
    }

    @SuppressWarnings("unchecked")
    private static Instant earliestDue(Map<String, Object> ticket) {
        Map<String, Object> sla = (Map<String, Object>) ticket.get("sla");
        Instant earliest = null;
        for (String target : List.of("response", "resolution")) {
            Map<String, Object> t = (Map<String, Object>) sla.get(target);
            if (t.get("dueAt") != null && t.get("metAt") == null) {
                Instant due = Instant.parse((String) t.get("dueAt"));
                earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
            }
        }
        assertThat(earliest).as("a NEW ticket has a running target").isNotNull();
        return earliest;
    }

    @Test
    void commentsAndEventsPageInOrderWithoutGapsOrRepeats() {
        String id = create(Fixtures.unique("Many comments"), "LOW");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = "Comment #" + i;
            as(SAM).body(java.util.Map.of("body", body)).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
            written.add(body);
        }
        assertThat(walk("/api/v1/tickets/" + id + "/comments", "body")).containsExactlyElementsOf(written);

        List<String> eventIds = walk("/api/v1/tickets/" + id + "/events", "id");
        List<String> allAtOnce = as(SAM).queryParam("limit", 100).get("/api/v1/tickets/" + id + "/events").then()
                .statusCode(200)
                .extract().jsonPath().getList("items.id").stream().map(String::valueOf).toList();
        // CREATED, RESPONDED and one COMMENTED per comment: more than two pages of 5.
        assertThat(eventIds).hasSizeGreaterThan(10).doesNotHaveDuplicates().containsExactlyElementsOf(allAtOnce);
    }

    /** Follows nextCursor with pages of 5 and collects one field of every item. */
    private static List<String> walk(String url, String field) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(SAM).queryParam("limit", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.get(url).then().statusCode(200).extract().jsonPath();
            List<Object> items = page.getList("items." + field);
            assertThat(items).hasSizeLessThanOrEqualTo(5);
            items.forEach(v -> seen.add(String.valueOf(v)));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(pages).as("pages").isGreaterThan(2).isLessThan(50);
        return seen;
    }
}
