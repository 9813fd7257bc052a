package org.eclipsesol.desk.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static Problem of(ProblemType type, String detail, String instance, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, violations);
    }
}
