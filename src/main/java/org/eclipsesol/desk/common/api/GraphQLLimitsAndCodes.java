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
        chain.add(new ErrorCodes());
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /** Adds {@code code: BAD_USER_INPUT} to request errors that have no code. */
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
                if (error instanceof ExceptionWhileDataFetching
                        || (error.getExtensions() != null && error.getExtensions().containsKey("code"))) {
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
            extensions.put("code", "BAD_USER_INPUT");
            return extensions;
        }
    }
}
