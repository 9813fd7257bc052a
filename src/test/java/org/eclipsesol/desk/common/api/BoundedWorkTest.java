package org.eclipsesol.desk.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.GraphQL.query;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipsesol.desk.support.Fixtures;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Bounded work (issue 8, point 10): comments and events are cut to the page in SQL, and GraphQL's cost weighs a
 * list by how many items it may return.
 */
@QuarkusTest
class BoundedWorkTest {

    @Inject
    SessionFactory sessionFactory;

    /**
     * Comment rows a request loads. The statistics are global and the outbox worker renders notices from comments in
     * the background, so the scheduler is paused and the least of three measurements counts (a job may have been
     * running when the pause began).
     */
    private long commentsLoadedBy(Runnable request) {
        return loadsOf("org.eclipsesol.desk.ticket.data.CommentEntity", request);
    }

    private long loadsOf(String entity, Runnable request) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        var statistics = sessionFactory.getStatistics();
        scheduler.pause();
        try {
            long least = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                statistics.clear();
                request.run();
                least = Math.min(least,
                        statistics.getEntityStatistics("org.eclipsesol.desk.ticket.data.CommentEntity").getLoadCount());
            }
            return least;
        } finally {
            scheduler.resume();
        }
    }

    @Test
    void aPageOfCommentsLoadsOnlyThatPageFromTheDatabase() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Long thread"), "LOW").getString("id");
        for (int i = 0; i < 105; i++) {
            as(TOM).body(Map.of("body", "Update " + i)).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        }
        long rest = commentsLoadedBy(() -> assertThat(as(ANA).queryParam("limit", 2).get("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(2));
        assertThat(rest).isLessThanOrEqualTo(3);
        // GraphQL's nested comments: at most 100, and no more than 101 rows read.
        long nested = commentsLoadedBy(() -> assertThat(query(ANA, "query T($id: ID!) { ticket(id: $id) { comments { id } } }",
                Map.of("id", id)).getList("data.ticket.comments")).hasSize(100));
        assertThat(nested).isLessThanOrEqualTo(101);
        JsonPath events = query(TOM, "query T($id: ID!) { ticket(id: $id) { events { type } } }", Map.of("id", id));
        assertThat(events.getList("data.ticket.events")).hasSize(100);
    }

    @Test
    void manyAliasesOfLargeConnectionsWithNestedListsAreRefusedBeforeTouchingTheDatabase() {
        StringBuilder q = new StringBuilder("query {");
        for (int i = 0; i < 28; i++) {
            q.append(" t").append(i).append(": tickets(first: 100) { edges { node { id comments { id } events { id } } } }");
        }
        q.append(" }");
        long tickets = loadsOf("org.eclipsesol.desk.ticket.data.TicketEntity", () -> {
            JsonPath result = query(TOM, q.toString());
            assertThat(result.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
            assertThat(result.getString("errors[0].message")).contains("complexity");
        });
        assertThat(tickets).isZero();
        // One large page with its nested lists stays allowed.
        JsonPath one = query(TOM, "query { tickets(first: 100) { edges { node { id title status } } } }");
        assertThat(one.getList("errors")).isNull();
        JsonPath nested = query(TOM, "query { tickets(first: 20) { edges { node { id comments { id } events { id } } } } }");
        assertThat(nested.getList("errors")).isNull();
    }
}
