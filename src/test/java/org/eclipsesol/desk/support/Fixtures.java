package org.eclipsesol.desk.support;

import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.as;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.security.OrganizationDirectory;

import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;

/**
 * Shared test data created through the API (as the supervisor): the two demo organizations, and tickets.
 * Organizations are created once per test run and found again by name, so test classes can run in any order.
 */
public final class Fixtures {

    public static final String ACME = "Acme Dental";
    public static final String GLOBEX = "Globex Logistics";

    private static final Map<String, String> ORG_IDS = new HashMap<>();

    private Fixtures() {
    }

    /** Acme Dental: domain acme.example, every service covered, policy targets. */
    public static synchronized String acme() {
        return org(ACME, "acme.example", null);
    }

    /** Globex Logistics: domain globex.example, SURVEILLANCE not covered, HIGH overridden to PT1H/PT8H. */
    public static synchronized String globex() {
        return org(GLOBEX, "globex.example", Map.of("coveredServices", List.of("MANAGED_IT", "PHONE_SYSTEMS", "BREAK_FIX"),
                "targets", Map.of("HIGH", Map.of("response", "PT1H", "resolution", "PT8H"))));
    }

    private static String org(String name, String domain, Map<String, Object> agreement) {
        String known = ORG_IDS.get(name);
        if (known != null) {
            return known;
        }
        List<Map<String, Object>> existing = as(SAM).queryParam("limit", 100).get("/api/v1/organizations").then()
                .statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> org : existing) {
            if (name.equals(org.get("name"))) {
                ORG_IDS.put(name, (String) org.get("id"));
                return (String) org.get("id");
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("emailDomains", List.of(domain));
        if (agreement != null) {
            body.put("agreement", agreement);
        }
        String id = as(SAM).body(body).post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        ORG_IDS.put(name, id);
        return id;
    }

    /** What the authorization matrices assume of the callers: Acme and Globex exist, NORA belongs to no organization. */
    public static void matrixOrganizations() {
        acme();
        globex();
        ensureNoOrganization(Api.NORA);
    }

    public static Map<String, Object> ticketBody(String title, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Described in detail: " + title);
        body.put("priority", priority);
        body.put("service", "MANAGED_IT");
        body.put("category", "TECHNICAL_ASSISTANCE");
        return body;
    }

    /** A ticket opened by a client of their own organization. */
    public static JsonPath clientTicket(String client, String title, String priority) {
        acme();
        globex();
        return as(client).body(ticketBody(title, priority)).post("/api/v1/tickets").then().statusCode(201).extract()
                .jsonPath();
    }

    /** A ticket logged by staff for an organization, opened at {@code openedAt} (may be in the past). */
    public static JsonPath staffTicket(String staff, String orgId, String requester, String title, String priority,
            Instant openedAt) {
        Map<String, Object> body = ticketBody(title, priority);
        body.put("organizationId", orgId);
        body.put("requesterEmail", requester);
        body.put("channel", "PHONE");
        if (openedAt != null) {
            body.put("openedAt", openedAt.toString());
        }
        return as(staff).body(body).post("/api/v1/tickets").then().statusCode(201).extract().jsonPath();
    }

    /** A title nobody else uses, so lists can be filtered down to one test's tickets with {@code q}. */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    /**
     * Removes any explicit membership of {@code email}, so a client whose domain matches no organization
     * (nora) really has none, whichever test classes ran before.
     */
    public static void ensureNoOrganization(String email) {
        Db.update("delete from membership where email = ?", email);
        // Behind the service's back, so this replica's cache of memberships is told by hand.
        Arc.container().instance(ReplicaCaches.class).get().invalidated(OrganizationDirectory.CACHE);
    }

    /**
     * A ticket opened by ana (Acme, so ana is its requester) and moved by the supervisor along the lifecycle
     * until it has {@code status}.
     */
    public static String acmeTicketIn(String status, String title) {
        String id = clientTicket(Api.ANA, title, "MEDIUM").getString("id");
        List<String> path = switch (status) {
            case "NEW" -> List.of();
            case "IN_PROGRESS" -> List.of("IN_PROGRESS");
            case "WAITING_ON_CLIENT" -> List.of("WAITING_ON_CLIENT");
            case "RESOLVED" -> List.of("RESOLVED");
            case "CLOSED" -> List.of("RESOLVED", "CLOSED");
            case "CANCELLED" -> List.of("CANCELLED");
            default -> throw new IllegalArgumentException(status);
        };
        for (String step : path) {
            as(SAM).body(Map.of("status", step)).patch("/api/v1/tickets/" + id).then().statusCode(200);
        }
        return id;
    }

    /** A 1x1 transparent PNG: real PNG magic bytes and chunks. */
    public static byte[] png() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
