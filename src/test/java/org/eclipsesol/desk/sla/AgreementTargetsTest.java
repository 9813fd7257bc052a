package org.eclipsesol.desk.sla;

import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** An agreement edit changes open tickets' targets, and their stored SLA columns (filters, sorting) follow at once. */
@QuarkusTest
class AgreementTargetsTest {

    @Test
    void anAgreementEditRederivesOpenTicketsAtOnce() {
        String name = "Agreement Co " + UUID.randomUUID();
        String orgId = as(SAM).body(Map.of("name", name, "emailDomains", List.of())).post("/api/v1/organizations").then()
                .statusCode(201).extract().path("id");
        String marker = "Agreement-" + UUID.randomUUID();
        // CRITICAL runs 24/7, so the figures do not depend on when the test runs.
        String id = Fixtures.staffTicket(TOM, orgId, "someone@agreement.example", marker, "CRITICAL",
                TestClock.now().minusSeconds(30 * 60)).getString("id");
        as(TOM).get("/api/v1/tickets/" + id).then().body("sla.response.status", equalTo("ON_TRACK"))
                .body("sla.targetSource", equalTo("POLICY"));

        as(SAM).body(Map.of("coveredServices", List.of("MANAGED_IT"), "targets",
                Map.of("CRITICAL", Map.of("response", "PT20M", "resolution", "PT2H"))))
                .put("/api/v1/organizations/" + orgId + "/agreement").then().statusCode(200)
                .body("agreement.targets.CRITICAL.response", equalTo("PT20M"));

        as(TOM).get("/api/v1/tickets/" + id).then()
                .body("sla.targetSource", equalTo("AGREEMENT"))
                .body("sla.response.target", equalTo("PT20M"))
                .body("sla.response.status", equalTo("BREACHED"));
        // The stored column behind the filter moved in the same transaction as the edit.
        as(TOM).queryParam("q", marker).queryParam("slaStatus", "BREACHED").get("/api/v1/tickets").then()
                .statusCode(200).body("items.size()", equalTo(1));
    }
}
