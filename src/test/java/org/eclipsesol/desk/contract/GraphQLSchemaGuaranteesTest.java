package org.eclipsesol.desk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The published SDL says what is guaranteed (issue 10, point 2): every type, field, argument, input field and enum
 * value is described; ids are {@code ID}; closed sets are enums; fields that are never null are non-null; every
 * connection is a complete Relay connection. Reads the committed docs/schema.graphql, which
 * {@link GraphQLSchemaContractTest} keeps equal to the served one (graphql-schema-linter checks the same file in
 * tools/api-clients/check.sh).
 */
class GraphQLSchemaGuaranteesTest {

    static GraphQLSchema schema;

    @BeforeAll
    static void parse() throws IOException {
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
                .parse(Files.readString(GraphQLSchemaContractTest.COMMITTED, StandardCharsets.UTF_8)));
    }

    /** The schema's own types: no introspection types, no built-in scalars. */
    static List<GraphQLNamedType> ownTypes() {
        return schema.getAllTypesAsList().stream()
                .filter(t -> !t.getName().startsWith("__"))
                .filter(t -> !List.of("String", "Boolean", "Int", "Float", "ID").contains(t.getName()))
                .toList();
    }

    static boolean described(String description) {
        return description != null && !description.isBlank();
    }

    static String typeOf(GraphQLObjectType type, String field) {
        GraphQLFieldDefinition f = type.getFieldDefinition(field);
        assertThat(f).as(type.getName() + "." + field).isNotNull();
        return GraphQLTypeUtil.simplePrint(f.getType());
    }

    static GraphQLObjectType object(String name) {
        return (GraphQLObjectType) schema.getType(name);
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() {
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : ownTypes()) {
            if (!described(type.getDescription())) {
                missing.add("type " + type.getName());
            }
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (!described(field.getDescription())) {
                        missing.add("field " + type.getName() + "." + field.getName());
                    }
                    for (GraphQLArgument argument : field.getArguments()) {
                        if (!described(argument.getDescription())) {
                            missing.add("argument " + type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
                        }
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    if (!described(field.getDescription())) {
                        missing.add("input field " + type.getName() + "." + field.getName());
                    }
                }
            } else if (type instanceof GraphQLEnumType enumType) {
                for (GraphQLEnumValueDefinition value : enumType.getValues()) {
                    if (!described(value.getDescription())) {
                        missing.add("enum value " + type.getName() + "." + value.getName());
                    }
                }
            }
        }
        assertThat(missing).as("schema elements without a description").isEmpty();
    }

    @Test
    void idsAreOfTypeId() {
        List<String> notIds = new ArrayList<>();
        for (GraphQLNamedType type : ownTypes()) {
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (isIdName(field.getName()) && !isId(field.getType())) {
                        notIds.add(type.getName() + "." + field.getName());
                    }
                    for (GraphQLArgument argument : field.getArguments()) {
                        if (isIdName(argument.getName()) && !isId(argument.getType())) {
                            notIds.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
                        }
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    if (isIdName(field.getName()) && !isId(field.getType())) {
                        notIds.add(type.getName() + "." + field.getName());
                    }
                }
            }
        }
        assertThat(notIds).as("ids that are not of type ID").isEmpty();
        for (String type : List.of("Ticket", "Comment", "Attachment", "Escalation", "Organization", "OrganizationRef",
                "TimeEntry", "TicketEvent")) {
            assertThat(typeOf(object(type), "id")).as(type + ".id").isEqualTo("ID!");
        }
        assertThat(typeOf(object("Me"), "subject")).isEqualTo("ID!");
        assertThat(GraphQLTypeUtil.simplePrint(object("Query").getFieldDefinition("ticket").getArgument("id").getType()))
                .isEqualTo("ID!");
    }

    private static boolean isIdName(String name) {
        return name.equals("id") || name.endsWith("Id");
    }

    private static boolean isId(GraphQLType type) {
        return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLNamedType named && named.getName().equals("ID");
    }

    @Test
    void closedSetsAreEnums() {
        assertThat(typeOf(object("TicketChange"), "what")).isEqualTo("TicketChangeKind!");
        assertThat(typeOf(object("SlaAlert"), "kind")).isEqualTo("SlaAlertKind!");
        assertThat(typeOf(object("SlaAlert"), "target")).isEqualTo("TargetKind!");
        assertThat(typeOf(object("Escalation"), "status")).isEqualTo("EscalationStatus!");
        assertThat(typeOf(object("Escalation"), "source")).isEqualTo("EscalationSource!");
        assertThat(typeOf(object("EscalationSummary"), "status")).isEqualTo("EscalationStatus!");
        assertThat(GraphQLTypeUtil.simplePrint(
                object("Subscription").getFieldDefinition("slaAlerts").getArgument("kinds").getType()))
                .isEqualTo("[SlaAlertKind!]");
        // Spelled as PRODUCT.md and the REST API spell them.
        assertThat(((GraphQLEnumType) schema.getType("TicketChangeKind")).getValues())
                .extracting(GraphQLEnumValueDefinition::getName)
                .containsExactlyInAnyOrder("CREATED", "UPDATED", "COMMENTED", "ATTACHMENT_ADDED", "ESCALATED",
                        "ESCALATION_CLOSED", "SLA", "INTERNAL_NOTE_ADDED");
        assertThat(((GraphQLEnumType) schema.getType("SlaAlertKind")).getValues())
                .extracting(GraphQLEnumValueDefinition::getName).containsExactlyInAnyOrder("AT_RISK", "BREACHED");
    }

    @Test
    void fieldsThatAreNeverNullAreNonNull() {
        GraphQLObjectType ticket = object("Ticket");
        for (String field : List.of("id", "number", "title", "description", "priority", "service", "category", "channel",
                "status", "organization", "requester", "openedAt", "createdAt", "updatedAt", "escalated", "outOfScope",
                "billable", "version", "sla", "comments", "events", "attachments")) {
            assertThat(ticket.getFieldDefinition(field).getType()).as("Ticket." + field).isInstanceOf(GraphQLNonNull.class);
        }
        for (String field : List.of("assignee", "firstResponseAt", "resolvedAt", "closedAt", "escalation", "exclusion",
                "exclusionNote", "errorMessage", "stepsToReproduce", "satisfaction", "timeEntries")) {
            assertThat(ticket.getFieldDefinition(field).getType()).as("Ticket." + field + " may be null")
                    .isNotInstanceOf(GraphQLNonNull.class);
        }
        assertThat(typeOf(object("Comment"), "author")).isEqualTo("Person!");
        assertThat(typeOf(object("Organization"), "emailDomains")).isEqualTo("[String!]!");
        assertThat(typeOf(object("SlaTarget"), "status")).isEqualTo("TargetStatus!");
        assertThat(typeOf(object("SlaTarget"), "dueAt")).isEqualTo("DateTime");
        assertThat(typeOf(object("TicketChange"), "ticket")).isEqualTo("Ticket!");
    }

    @Test
    void everyConnectionIsACompleteRelayConnection() {
        List<GraphQLObjectType> connections = ownTypes().stream().filter(t -> t.getName().endsWith("Connection"))
                .map(GraphQLObjectType.class::cast).toList();
        assertThat(connections).extracting(GraphQLNamedType::getName).contains("TicketConnection", "OrganizationConnection");
        for (GraphQLObjectType connection : connections) {
            String node = connection.getName().substring(0, connection.getName().length() - "Connection".length());
            assertThat(typeOf(connection, "edges")).isEqualTo("[" + node + "Edge!]!");
            assertThat(typeOf(connection, "pageInfo")).isEqualTo("PageInfo!");
            GraphQLObjectType edge = object(node + "Edge");
            assertThat(typeOf(edge, "cursor")).isEqualTo("String!");
            assertThat(GraphQLTypeUtil.unwrapNonNull(edge.getFieldDefinition("node").getType()))
                    .isNotInstanceOf(GraphQLList.class);
            assertThat(edge.getFieldDefinition("node").getType()).isInstanceOf(GraphQLNonNull.class);
        }
        GraphQLObjectType pageInfo = object("PageInfo");
        assertThat(typeOf(pageInfo, "hasNextPage")).isEqualTo("Boolean!");
        assertThat(typeOf(pageInfo, "hasPreviousPage")).isEqualTo("Boolean!");
        assertThat(typeOf(pageInfo, "startCursor")).isEqualTo("String");
        assertThat(typeOf(pageInfo, "endCursor")).isEqualTo("String");
        // Every field that returns a connection pages forward with first and after.
        for (GraphQLNamedType type : ownTypes()) {
            if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLNamedType named
                            && named.getName().endsWith("Connection")) {
                        assertThat(GraphQLTypeUtil.simplePrint(field.getArgument("first").getType())).isEqualTo("Int");
                        assertThat(GraphQLTypeUtil.simplePrint(field.getArgument("after").getType())).isEqualTo("String");
                    }
                }
            }
        }
    }
}
