// graphql-schema-linter (run by check.sh against docs/schema.graphql): every rule of 3.0.1 is on, so a field,
// argument, input field, type or enum value without a description, or a connection that is not a complete Relay
// connection, fails .ci/run. GraphQLSchemaGuaranteesTest checks the same (and ids, enums, non-null, PageInfo's
// cursors) in the Maven build.
//
// No rule is disabled. The SDL is printed by SmallRye GraphQL, which sorts types, fields, arguments and enum values
// alphabetically, so the *-sorted-alphabetically rules hold by construction; relay-connection-arguments-spec passes
// with forward paging only (first/after; docs/clients.md).
module.exports = {
  rules: [
    "arguments-have-descriptions",
    "defined-types-are-used",
    "deprecations-have-a-reason",
    "descriptions-are-capitalized",
    "enum-values-all-caps",
    "enum-values-have-descriptions",
    "enum-values-sorted-alphabetically",
    "fields-are-camel-cased",
    "fields-have-descriptions",
    "input-object-fields-sorted-alphabetically",
    "input-object-values-are-camel-cased",
    "input-object-values-have-descriptions",
    "interface-fields-sorted-alphabetically",
    "relay-connection-arguments-spec",
    "relay-connection-types-spec",
    "relay-page-info-spec",
    "type-fields-sorted-alphabetically",
    "types-are-capitalized",
    "types-have-descriptions",
  ],
};
