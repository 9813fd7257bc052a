package org.eclipsesol.desk.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 9457 problem details body. */
// Serialized only inside Response.entity(...): the native image needs it registered (docs/native.md).
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static Problem of(ProblemType type, String detail, String instance, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, violations);
    }
}
