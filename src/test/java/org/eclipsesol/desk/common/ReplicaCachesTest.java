package org.eclipsesol.desk.common;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.eclipsesol.desk.support.SqlStatements;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    /** A client whose address belongs to no organization yet (which the replica now remembers), and one to join. */
    private record Newcomer(String email, String token, String org) {
    }

    private static Newcomer newcomer() {
        String email = "rita-" + UUID.randomUUID() + "@nowhere.example";
        String token = Tokens.subject("rita-" + UUID.randomUUID()).email(email, true).name("Rita")
                .realmRoles(List.of("client")).sign();
        String org = Api.as(Api.SAM).body(Map.of("name", "Replica Partners " + UUID.randomUUID(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        withToken(token).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        return new Newcomer(email, token, org);
    }

    @Test
    void aMembershipAddedThroughTheServiceCountsAtOnce() {
        Newcomer rita = newcomer();
        Api.as(Api.SAM).body(Map.of("email", rita.email())).post("/api/v1/organizations/" + rita.org() + "/members")
                .then().statusCode(201);
        withToken(rita.token()).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(rita.org()));
    }

    @Test
    void aMembershipAnotherReplicaAddsCountsWhenItsNotifyArrives() {
        Newcomer rita = newcomer();
        String email = rita.email();
        String token = rita.token();
        String org = rita.org();

        // A row written behind every replica's back is not seen: the answer came from the cache...
        Db.update("insert into membership (email, organization_id, created_at) values (?, ?::uuid, now())", email, org);
        withToken(token).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        Db.update("delete from membership where email = ?", email);

        // ...while another replica's change, committed with its NOTIFY, reaches this one.
        Db.rows("""
                with added as (insert into membership (email, organization_id, created_at) values (?, ?::uuid, now())
                               returning email)
                select cast(pg_notify(?, ?) as text) from added""", email, org, ReplicaCaches.channel(config),
                ReplicaCaches.invalidation(OrganizationDirectory.CACHE));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> withToken(token).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(org)));
    }

    @Test
    void aTransactionChangingManyRowsAnnouncesEachCacheOnce() {
        long once = SqlStatements.preparedBy(() -> QuarkusTransaction.requiringNew().run(() -> caches.changed("names")));
        long twice = SqlStatements.preparedBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            caches.changed("names");
            caches.changed("names");
            caches.changed("others");
        }));
        assertThat(once).isEqualTo(1);
        assertThat(twice).isEqualTo(2);
    }
}
