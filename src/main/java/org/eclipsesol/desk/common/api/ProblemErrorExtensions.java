package org.eclipsesol.desk.common.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import org.eclipsesol.desk.common.Violation;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/**
 * Extra {@code extensions} of GraphQL errors (registered in META-INF/services, which Quarkus also registers
 * for native images): the RFC 9457 problem type URI and the invalid fields, as the REST problems have them.
 */
public final class ProblemErrorExtensions {

    private ProblemErrorExtensions() {
    }

    /** {@code extensions.problem}: the problem type URI, e.g. https://support-desk.eclipsesol.org/problems/not-found. */
    public static class ProblemTypeExtension implements ErrorExtensionProvider {

        @Override
        public String getKey() {
            return "problem";
        }

        @Override
        public JsonValue mapValueFrom(Throwable exception) {
            return exception instanceof GraphQLProblem p ? Json.createValue(p.type().uri()) : null;
        }
    }

    /** {@code extensions.violations}: [{field, message}] for invalid input. */
    public static class ViolationsExtension implements ErrorExtensionProvider {

        @Override
        public String getKey() {
            return "violations";
        }

        @Override
        public JsonValue mapValueFrom(Throwable exception) {
            if (!(exception instanceof GraphQLProblem p) || p.violations().isEmpty()) {
                return null;
            }
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (Violation v : p.violations()) {
                array.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message()));
            }
            return array.build();
        }
    }
}
