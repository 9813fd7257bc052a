package org.eclipsesol.desk.common.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * Gives every GraphQL error an {@code extensions.code}. Errors of our resolvers already carry one (see
 * {@link GraphQLProblem}); errors raised before any resolver runs (syntax, validation against the schema, and
 * the depth and complexity limits) get {@code BAD_USER_INPUT}, keeping graphql-java's {@code classification}.
 * <p>
 * Installed through SmallRye's {@link EventingService} SPI (META-INF/services, registered for native images by
 * Quarkus). SmallRye builds its instrumentation chain from the depth and complexity settings only (and Apollo
 * federation tracing, which we do not use); since a GraphQL builder's instrumentation can only be replaced, this
 * rebuilds that chain from the same settings and appends the error-code step.
 */
public class GraphQLLimitsAndCodes implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Config config = Config.get();
        List<Instrumentation> chain = new ArrayList<>();
        config.getQueryComplexityInstrumentation().ifPresent(max -> chain.add(new MaxQueryComplexityInstrumentation(max)));
        config.getQueryDepthInstrumentation().ifPresent(max -> chain.add(new MaxQueryDepthInstrumentation(max)));
        chain.add(new MaxQueryComplexityInstrumentation(maxCost(), GraphQLLimitsAndCodes::weighted));
        chain.add(new ErrorCodes());
        chain.add(new SubscriptionEventContexts());
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /**
     * The weighted cost limit ({@code desk.graphql.max-cost}, env GRAPHQL_MAX_COST, default 5000): besides the plain
     * field count above, a query's cost multiplies what a list field selects by how many items it may return.
     */
    static int maxCost() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("desk.graphql.max-cost", Integer.class).orElse(30000);
    }

    /**
     * A field costs 1 plus its selection, times the items it may return: {@code first} (default 20, at most 100)
     * for a connection, {@link #NESTED_LIST_WEIGHT} for another list (a ticket's comments, events...), 1 otherwise.
     * A connection's {@code edges}/{@code nodes} are the items already counted by its {@code first}.
     */
    static int weighted(graphql.analysis.FieldComplexityEnvironment env, int childComplexity) {
        var definition = env.getFieldDefinition();
        int items = 1;
        if (definition.getArgument("first") != null) {
            Object first = env.getArguments().get("first");
            items = first instanceof Number n
                    ? Math.max(1, Math.min(n.intValue(), org.eclipsesol.desk.common.Cursors.MAX_LIMIT))
                    : org.eclipsesol.desk.common.Cursors.DEFAULT_LIMIT;
        } else if (graphql.schema.GraphQLTypeUtil.isList(graphql.schema.GraphQLTypeUtil.unwrapNonNull(definition.getType()))
                && !definition.getName().equals("edges") && !definition.getName().equals("nodes")) {
            items = NESTED_LIST_WEIGHT;
        }
        long cost = 1L + (long) items * Math.max(childComplexity, 1);
        return (int) Math.min(cost, Integer.MAX_VALUE / 4);
    }

    /** What a nested list may hold (TicketGraphQLApi.NESTED_LIMIT is 100; most are far shorter). */
    static final int NESTED_LIST_WEIGHT = 20;

    /** The codes a client may see: those of our problem types. Anything else becomes INTERNAL_SERVER_ERROR. */
    static final java.util.Set<String> OUR_CODES = java.util.Arrays.stream(org.eclipsesol.desk.common.ProblemType.values())
            .map(org.eclipsesol.desk.common.ProblemType::graphqlCode).collect(java.util.stream.Collectors.toSet());

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GraphQLLimitsAndCodes.class);

    /**
     * Adds {@code code: BAD_USER_INPUT} to request errors that have no code, and turns every failure that is not one
     * of our problems (a code SmallRye derived from an exception class, such as {@code null-pointer}) into
     * {@code INTERNAL_SERVER_ERROR} with a reference that the log names too.
     */
    static class ErrorCodes extends SimplePerformantInstrumentation {

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
            boolean changed = false;
            for (GraphQLError error : result.getErrors()) {
                Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
                if (error instanceof ExceptionWhileDataFetching fetching && !(ours(fetching.getException())
                        && OUR_CODES.contains(String.valueOf(code)))) {
                    errors.add(internal(error, fetching.getException()));
                    changed = true;
                } else if (error.getErrorType() == graphql.ErrorType.NullValueInNonNullableField
                        || (code != null && !OUR_CODES.contains(String.valueOf(code)))) {
                    errors.add(internal(error, null));
                    changed = true;
                } else if (error instanceof ExceptionWhileDataFetching || code != null) {
                    errors.add(error);
                } else {
                    errors.add(new RequestError(error));
                    changed = true;
                }
            }
            if (!changed) {
                return CompletableFuture.completedFuture(result);
            }
            return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
        }
    }

    private static boolean ours(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GraphQLProblem) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error as one of our problems: a security or validation exception that escaped our resolvers' translation
     * keeps its meaning; anything else is INTERNAL_SERVER_ERROR with a reference, logged with the same reference.
     */
    private static GraphQLError internal(GraphQLError error, Throwable cause) {
        GraphQLProblem problem;
        if (cause != null) {
            problem = GraphQLErrorsInterceptor.translate(cause instanceof java.util.concurrent.CompletionException
                    && cause.getCause() != null ? cause.getCause() : cause);
        } else {
            String reference = java.util.UUID.randomUUID().toString();
            LOG.errorf("Unexpected GraphQL failure %s at %s: %s", reference, error.getPath(), error.getMessage());
            problem = new GraphQLProblem(org.eclipsesol.desk.common.ProblemType.INTERNAL,
                    "An unexpected error occurred (reference " + reference + ").", List.of());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", problem.type().graphqlCode());
        extensions.put("problem", problem.type().uri());
        if (!problem.violations().isEmpty()) {
            extensions.put("violations", problem.violations().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return graphql.GraphqlErrorBuilder.newError().message(problem.getMessage()).locations(error.getLocations())
                .path(error.getPath()).errorType(problem.getErrorType()).extensions(extensions).build();
    }

    /** An error about the request itself, with its message and classification and a code. */
    static final class RequestError implements GraphQLError {

        private final GraphQLError error;

        RequestError(GraphQLError error) {
            this.error = error;
        }

        @Override
        public String getMessage() {
            return error.getMessage();
        }

        @Override
        public List<SourceLocation> getLocations() {
            return error.getLocations();
        }

        @Override
        public List<Object> getPath() {
            return error.getPath();
        }

        @Override
        public graphql.ErrorClassification getErrorType() {
            return error.getErrorType();
        }

        @Override
        public Map<String, Object> getExtensions() {
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (error.getExtensions() != null) {
                extensions.putAll(error.getExtensions());
            }
            extensions.put("code", codeOf(error));
            return extensions;
        }

        /**
         * GRAPHQL_PARSE_FAILED for a document that does not parse, GRAPHQL_VALIDATION_FAILED for one that does not
         * validate against the schema (unknown field or type, missing argument...), BAD_USER_INPUT for the rest
         * (variables of the wrong type, depth and complexity limits).
         */
        static String codeOf(GraphQLError error) {
            if (error instanceof graphql.InvalidSyntaxError) {
                return GraphQLParseErrors.PARSE_FAILED;
            }
            if (error instanceof graphql.validation.ValidationError) {
                return "GRAPHQL_VALIDATION_FAILED";
            }
            return "BAD_USER_INPUT";
        }
    }
}
