package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TESS;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Optimistic concurrency (ETag / If-Match) and idempotent creation under real concurrent requests. */
@QuarkusTest
class TicketConcurrencyTest {

    static final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void setUp() {
        Fixtures.acme();
        Fixtures.globex();
        // Fetch every token before racing, so the threads only talk to the API.
        for (String user : List.of(ANA, TOM, TESS, SAM)) {
            Api.token(user);
        }
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    @RepeatedTest(5)
    void twoPatchesWithTheSameIfMatchAtTheSameTimeOneWinsTheOtherIs412() throws Exception {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Race"), "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;
        String etag = as(TOM).get(url).then().statusCode(200).extract().header("ETag");
        Map<String, String> before = Db.ticketState(id);
        assertThat(etag).isEqualTo("\"" + before.get("version") + "\"");

        List<Response> answers = race(
                () -> as(TOM).header("If-Match", etag).body(Map.of("status", "IN_PROGRESS", "assigneeId", TOM)).patch(url),
                () -> as(TESS).header("If-Match", etag).body(Map.of("status", "WAITING_ON_CLIENT", "assigneeId", TESS))
                        .patch(url));

        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertThat(statuses).as("one wins, the other is stale: %s", answers.stream().map(Response::asString).toList())
                .containsExactly(200, 412);
        Response winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        Response loser = answers.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
        Problems.assertProblem(loser, 412, "precondition-failed");

        Map<String, String> after = Db.ticketState(id);
        assertThat(after.get("status")).isEqualTo(winner.jsonPath().getString("status"));
        assertThat(after.get("assignee_id")).isEqualTo(winner.jsonPath().getString("assignee.id"));
        assertThat(winner.header("ETag")).isEqualTo("\"" + after.get("version") + "\"");
        List<String> statusChanges = as(SAM).get(url + "/events").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.type == 'STATUS_CHANGED' }.after");
        assertThat(statusChanges).as("only the winner's change happened").containsExactly(after.get("status"));
    }

    @Test
    void theSameIdempotencyKeyTwiceCreatesOneTicket() {
        String title = Fixtures.unique("Idempotent");
        String key = UUID.randomUUID().toString();
        long before = Db.count("select count(*) from ticket");

        Response first = as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "HIGH"))
                .post("/api/v1/tickets");
        Response second = as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "HIGH"))
                .post("/api/v1/tickets");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(second.jsonPath().getString("number")).isEqualTo(first.jsonPath().getString("number"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ticketsTitled(title)).containsExactly(first.jsonPath().getString("id"));
        assertThat(Db.count("select count(*) from ticket")).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedAndCreatesNothing() {
        String title = Fixtures.unique("Idempotent mismatch");
        String key = UUID.randomUUID().toString();
        String id = as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "HIGH")).post("/api/v1/tickets")
                .then().statusCode(201).extract().path("id");
        long before = Db.count("select count(*) from ticket");

        Problems.assertProblem(as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "LOW"))
                .post("/api/v1/tickets"), 422, "unprocessable");

        assertThat(Db.count("select count(*) from ticket")).isEqualTo(before);
        assertThat(ticketsTitled(title)).containsExactly(id);
    }

    @Test
    void keysArePerCaller() {
        String key = UUID.randomUUID().toString();
        String title = Fixtures.unique("Key per caller");
        String ana = as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "LOW")).post("/api/v1/tickets")
                .then().statusCode(201).extract().path("id");
        String ben = as(Api.BEN).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "LOW"))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        assertThat(ben).isNotEqualTo(ana);
    }

    @RepeatedTest(5)
    void theSameIdempotencyKeyRacingConcurrentlyStillCreatesOneTicket() throws Exception {
        String title = Fixtures.unique("Idempotent race");
        String key = UUID.randomUUID().toString();
        long before = Db.count("select count(*) from ticket");

        List<Response> answers = race(
                () -> as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "HIGH")).post("/api/v1/tickets"),
                () -> as(ANA).header("Idempotency-Key", key).body(Fixtures.ticketBody(title, "HIGH")).post("/api/v1/tickets"));

        assertThat(answers.stream().map(Response::statusCode).sorted().toList())
                .as("%s", answers.stream().map(Response::asString).toList()).containsExactly(200, 201);
        String id = answers.get(0).jsonPath().getString("id");
        assertThat(id).isNotNull();
        assertThat(answers.get(1).jsonPath().getString("id")).isEqualTo(id);
        assertThat(ticketsTitled(title)).containsExactly(id);
        assertThat(Db.count("select count(*) from ticket")).isEqualTo(before + 1);
    }

    /** Starts both calls at the same moment and waits for both answers. */
    @SafeVarargs
    private static List<Response> race(Callable<Response>... calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static List<String> ticketsTitled(String title) {
        return as(SAM).queryParam("q", title).queryParam("limit", 100).get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
