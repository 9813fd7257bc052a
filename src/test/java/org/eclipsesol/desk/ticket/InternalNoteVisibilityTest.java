package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** An internal note changes nothing a client can observe; staff still see it (issue 8, point 5). */
@QuarkusTest
class InternalNoteVisibilityTest {

    @Test
    void anInternalNoteMovesNeitherTheETagNorUpdatedAt() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Quiet note"), "LOW").getString("id");
        Response before = as(ANA).get("/api/v1/tickets/" + id);
        String etag = before.header("ETag");
        String updatedAt = before.jsonPath().getString("updatedAt");
        assertThat(etag).isNotBlank();

        as(TOM).body(Map.of("body", "Client seems confused; check the licence", "internal", true))
                .post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);

        Response after = as(ANA).get("/api/v1/tickets/" + id);
        assertThat(after.header("ETag")).isEqualTo(etag);
        assertThat(after.jsonPath().getString("updatedAt")).isEqualTo(updatedAt);
        assertThat(as(TOM).get("/api/v1/tickets/" + id).header("ETag")).isEqualTo(etag);
        // An If-Match taken before the note still matches: the client's next change is not refused as stale.
        as(ANA).header("If-Match", etag).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + id).then()
                .statusCode(200);
        List<String> staffSees = as(TOM).get("/api/v1/tickets/" + id + "/comments").jsonPath().getList("items.body");
        assertThat(staffSees).contains("Client seems confused; check the licence");
        assertThat(as(ANA).get("/api/v1/tickets/" + id + "/comments").jsonPath().getList("items.body")).isEmpty();
    }

    @Test
    void aPublicCommentStillMovesTheETag() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Loud comment"), "LOW").getString("id");
        String etag = as(ANA).get("/api/v1/tickets/" + id).header("ETag");
        as(TOM).body(Map.of("body", "Looking into it")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        assertThat(as(ANA).get("/api/v1/tickets/" + id).header("ETag")).isNotEqualTo(etag);
    }
}
