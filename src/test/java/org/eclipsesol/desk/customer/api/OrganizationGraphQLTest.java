package org.eclipsesol.desk.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.GraphQL.query;
import static org.eclipsesol.desk.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Organizations over GraphQL: supervisors manage them, a client sees only their own. */
@QuarkusTest
class OrganizationGraphQLTest {

    private static final String CREATE = """
            mutation Create($input: OrganizationInput!) {
              createOrganization(input: $input) { id name emailDomains agreement { coveredServices targets { key value { response resolution } } } }
            }""";

    @Test
    void supervisorCreatesAnOrganizationSetsItsAgreementAndAddsAMember() {
        String name = "Initech " + System.nanoTime();
        JsonPath created = query(SAM, CREATE, vars("input", Map.of("name", name, "emailDomains", List.of())));
        assertThat(created.getString("data.createOrganization.name")).isEqualTo(name);
        String id = created.getString("data.createOrganization.id");
        assertThat(created.getList("data.createOrganization.agreement.coveredServices")).hasSize(5);

        JsonPath agreement = query(SAM,
                """
                        mutation A($id: ID!, $input: AgreementInput!) {
                          setAgreement(organizationId: $id, input: $input) { agreement { coveredServices targets { key value { response resolution } } } }
                        }""",
                vars("id", id, "input", Map.of("coveredServices", List.of("MANAGED_IT", "BREAK_FIX"), "targets",
                        List.of(Map.of("key", "HIGH", "value", Map.of("response", "PT1H", "resolution", "PT8H"))))));
        assertThat(agreement.getList("errors")).isNull();
        assertThat(agreement.getList("data.setAgreement.agreement.coveredServices")).containsExactly("MANAGED_IT",
                "BREAK_FIX");
        assertThat(agreement.getString("data.setAgreement.agreement.targets[0].value.resolution")).isEqualTo("PT8H");

        JsonPath member = query(SAM,
                """
                        mutation M($id: ID!, $input: MemberInput!) { addMember(organizationId: $id, input: $input) { email organizationId } }""",
                vars("id", id, "input", Map.of("email", "milton@initech.example")));
        assertThat(member.getString("data.addMember.email")).isEqualTo("milton@initech.example");

        JsonPath tech = query(TOM, CREATE, vars("input", Map.of("name", "Tech made " + System.nanoTime())));
        assertThat(tech.getString("errors[0].extensions.code")).as(tech.prettify()).isEqualTo("FORBIDDEN");
        assertThat(query(SAM, CREATE, vars("input", Map.of("name", name))).getString("errors[0].extensions.code"))
                .isEqualTo("CONFLICT");
    }

    @Test
    void aClientSeesOnlyTheirOwnOrganization() {
        String acme = Fixtures.acme();
        String globex = Fixtures.globex();
        JsonPath list = query(ANA, "query { organizations(first: 100) { nodes { id name } pageInfo { hasNextPage } } }");
        assertThat(list.getList("data.organizations.nodes.id")).containsExactly(acme);
        JsonPath other = query(ANA, "query O($id: ID!) { organization(id: $id) { name } }", vars("id", globex));
        assertThat(other.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        assertThat(query(CARLA, "query O($id: ID!) { organization(id: $id) { name agreement { coveredServices } } }",
                vars("id", globex)).getList("data.organization.agreement.coveredServices")).doesNotContain("SURVEILLANCE");
        assertThat(query(SAM, "query { organizations(first: 100) { nodes { id } } }").getList("data.organizations.nodes.id"))
                .contains(acme, globex);
    }
}
