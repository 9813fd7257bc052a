package org.eclipsesol.desk.common.api;

import java.util.HashSet;
import java.util.Map;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

/**
 * Says what SmallRye's custom scalars are: a description each and, where a published specification exists,
 * {@code @specifiedBy(url:)}, so the SDL at /graphql/schema.graphql (which declares them, see
 * {@code quarkus.smallrye-graphql.schema-include-scalars}) tells generated clients how to map them.
 * <p>
 * SmallRye builds the scalars without either; since a schema's types refer to the scalar objects, the schema about
 * to be built is transformed (graphql-java's {@link SchemaTransformer} replaces every reference) and the builder
 * refilled from the result. Installed through SmallRye's {@link EventingService} SPI, like {@link GraphQLLimitsAndCodes}.
 */
public class GraphQLScalars implements EventingService {

    record Spec(String description, String specifiedBy) {
    }

    static final Map<String, Spec> SCALARS = Map.of(
            "DateTime", new Spec("An instant with its UTC offset, RFC 3339 / ISO-8601, e.g. 2026-12-01T17:00:00Z.",
                    "https://scalars.graphql.org/andimarek/date-time.html"),
            "Date", new Spec("A calendar date without time, RFC 3339 full-date (ISO-8601), e.g. 2026-12-25.",
                    "https://scalars.graphql.org/andimarek/local-date.html"),
            "Duration", new Spec("An ISO-8601 duration as a string, e.g. PT8H or PT1H30M.", null),
            "BigInteger", new Spec("An integer of any size; sent as a JSON number.", null),
            "BigDecimal", new Spec("A decimal number of any size and precision; sent as a JSON number.", null));

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema schema = builder.build();
        GraphQLSchema described = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType node,
                    TraverserContext<GraphQLSchemaElement> context) {
                Spec spec = SCALARS.get(node.getName());
                if (spec == null) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, node.transform(b -> {
                    b.description(spec.description());
                    if (spec.specifiedBy() != null) {
                        // The URL for introspection (specifiedByURL) and the applied directive for the printed SDL.
                        b.specifiedByUrl(spec.specifiedBy());
                        b.withAppliedDirective(GraphQLAppliedDirective.newDirective().name("specifiedBy")
                                .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url")
                                        .type(GraphQLNonNull.nonNull(Scalars.GraphQLString))
                                        .valueProgrammatic(spec.specifiedBy())));
                    }
                }));
            }
        });
        return GraphQLSchema.newSchema(described).clearAdditionalTypes()
                .additionalTypes(new HashSet<>(described.getAdditionalTypes()));
    }
}
