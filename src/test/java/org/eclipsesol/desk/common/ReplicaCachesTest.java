package org.eclipsesol.desk.common;

import static org.awaitility.Awaitility.await;
import static org.eclipsesol.desk.support.Api.withToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipsesol.desk.security.OrganizationDirectory;
import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A replica's caches through the API: a change made through the service is seen at once on this replica; a change
 * another replica commits (its rows and its NOTIFY, sent here from another connection) is seen once the NOTIFY
 * arrives, and a row changed with no announcement at all is not (which proves the cache answered).
 */
@QuarkusTest
class ReplicaCachesTest {

    @Inject
    ReplicaCaches caches;

    @Inject
    DeskConfig config;

    @BeforeEach
    void listenerIsConnected() {
        await().atMost(Duration.ofSeconds(30)).until(caches::listening);
    }

    @Test
    void aMembershipAddedThroughTheServiceCountsAtOnce() {
        String email = "rita-" + UUID.randomUUID() + "@nowhere.example";
        String token = clientToken(email);
        String org = newOrganization();
        withToken(token).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        Api.as(Api.SAM).body(Map.of("email", email)).post("/api/v1/organizations/" + org + "/members").then()
                .statusCode(201);
        withToken(token).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(org));
    }

    @Test
    void aMembershipAnotherReplicaAddsCountsWhenItsNotifyArrives() {
        String email = "rita-" + UUID.randomUUID() + "@nowhere.example";
        String token = clientToken(email);
        String org = newOrganization();
        withToken(token).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());

        // A row written behind every replica's back is not seen: the answer came from the cache...
        Db.update("insert into membership (email, organization_id, created_at) values (?, ?::uuid, now())", email, org);
        withToken(token).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        Db.update("delete from membership where email = ?", email);

        // ...while another replica's change, committed with its NOTIFY, reaches this one.
        Db.rows("""
                with added as (insert into membership (email, organization_id, created_at) values (?, ?::uuid, now())
                               returning email)
                select cast(pg_notify(?, ?) as text) from added""", email, org, ReplicaCaches.channel(config),
                "{\"type\":\"invalidate\",\"body\":\"" + OrganizationDirectory.CACHE + "\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> withToken(token).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(org)));
    }

    private static String clientToken(String email) {
        return Tokens.subject("rita-" + UUID.randomUUID()).email(email, true).name("Rita").realmRoles(List.of("client"))
                .sign();
    }

    private static String newOrganization() {
        return Api.as(Api.SAM).body(Map.of("name", "Replica Partners " + UUID.randomUUID(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }
}
