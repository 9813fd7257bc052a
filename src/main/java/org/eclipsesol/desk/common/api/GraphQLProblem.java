package org.eclipsesol.desk.common.api;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.common.Violation;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * A {@link org.eclipsesol.desk.common.ProblemException} (or any other failure) as GraphQL reports it:
 * {@code extensions.code} is the problem type's GraphQL code, {@code extensions.problem} its RFC 9457 type
 * URI and {@code extensions.violations} the invalid fields. The message is always one we wrote, never an
 * exception's text.
 */
public class GraphQLProblem extends RuntimeException implements GraphQLError {

    private final ProblemType type;
    private final List<Violation> violations;

    public GraphQLProblem(ProblemType type, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(type.graphqlCode());
    }

    /** Read by graphql-java into the error's extensions; SmallRye adds them after its own, so our code wins. */
    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", type.graphqlCode());
    }
}
