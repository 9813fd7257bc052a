package org.eclipsesol.desk.report.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** CSV cells cannot start a formula, and labels from token claims are trimmed (issue 8, point 13). */
@QuarkusTest
class CsvInjectionTest {

    @Test
    void cellsBeginningWithTabOrCarriageReturnAreDefusedLikeFormulas() {
        for (String dangerous : new String[] { "=1+2", "+1", "-1", "@SUM(A1)", "\t=1+2", "\r=1+2" }) {
            assertThat(ReportResource.cell(dangerous)).startsWith("\"'");
        }
        assertThat(ReportResource.cell("Acme Dental")).isEqualTo("\"Acme Dental\"");
    }

    @Test
    void anAssigneeNameFromTheTokenIsTrimmedAndDefusedInTheCsv() {
        String subject = "tech-" + UUID.randomUUID();
        String name = "\t=HYPERLINK(\"https://evil.example\")" + subject.substring(5, 13);
        String tech = Tokens.subject(subject).email(subject + "@eclipsesol.org", true).name(name)
                .realmRoles(List.of("technician")).sign();
        Api.withToken(tech).get("/api/v1/me").then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(name.strip()));
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Formula"), "LOW").getString("id");
        Api.withToken(tech).body(Map.of("assigneeId", subject)).patch("/api/v1/tickets/" + id).then().statusCode(200);

        String csv = as(SAM).accept("text/csv").queryParam("groupBy", "assignee").get("/api/v1/reports/sla").then()
                .statusCode(200).extract().asString();
        String line = csv.lines().filter(l -> l.contains(subject.substring(5, 13))).findFirst().orElseThrow();
        assertThat(line).contains(",\"'=HYPERLINK(").doesNotContain("\t");
    }
}
