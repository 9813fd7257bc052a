package org.eclipsesol.desk.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The published SDL is the portals' contract: it is committed as docs/schema.graphql, the served one must equal it,
 * and it must be a valid schema on its own (every scalar declared), as graphql-codegen and buildSchema read it.
 * After a deliberate schema change: {@code ./mvnw test -Dtest=GraphQLSchemaContractTest -Dcontract.update=true}.
 */
@QuarkusTest
class GraphQLSchemaContractTest {

    static final Path COMMITTED = Path.of("docs/schema.graphql");

    static String served() {
        return given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    @Test
    void servedSchemaEqualsTheCommittedOne() throws IOException {
        String served = served();
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/schema.graphql is stale: rerun this test with -Dcontract.update=true and commit the file")
                .isEqualTo(served);
    }

    @Test
    void committedSchemaIsAValidSchemaOnItsOwn() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
        assertThat(schema.getQueryType().getFieldDefinition("tickets")).isNotNull();
        assertThat(schema.getSubscriptionType().getFieldDefinition("ticketChanged")).isNotNull();
        for (String scalar : new String[] { "DateTime", "Date", "Duration", "BigInteger", "BigDecimal" }) {
            if (schema.getType(scalar) != null) {
                assertThat(schema.getType(scalar)).isInstanceOf(GraphQLScalarType.class);
            }
        }
        assertThat(((GraphQLScalarType) schema.getType("DateTime")).getSpecifiedByUrl()).isNotBlank();
    }
}
