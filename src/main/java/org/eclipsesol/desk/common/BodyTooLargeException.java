package org.eclipsesol.desk.common;

import java.io.IOException;

/**
 * A request body went over quarkus.http.limits.max-body-size while it was being read (a chunked body: a declared one
 * is refused before, see HttpLimitProblems). An IOException, so a JSON parser reading the body passes it on as it is
 * instead of reporting malformed input; mapped to the 413 problem (ProblemMappers).
 */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException() {
        super("Request body over the limit");
    }
}
