package org.eclipsesol.desk.common;

import java.util.Arrays;

import jakarta.validation.ConstraintViolation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One invalid input field and why. */
// Serialized only inside Response.entity(...): the native image needs it registered (docs/native.md).
@RegisterForReflection
public record Violation(String field, String message) {

    /** A bean-validation failure as REST problems and GraphQL errors both report it. */
    public static Violation of(ConstraintViolation<?> violation) {
        return new Violation(fieldOf(violation.getPropertyPath().toString()), violation.getMessage());
    }

    /**
     * "create.input.title" (method validation path) becomes "title"; container element nodes go, so
     * "create.input.emailDomains[0].<list element>" becomes "emailDomains[0]".
     */
    public static String fieldOf(String path) {
        String[] parts = path.replaceAll("\\.<[^>]*>", "").split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
    }
}
