package org.eclipsesol.desk.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure reaching JAX-RS into RFC 9457 problem+json. Messages are written here, never taken
 * from exception text, so no class name or stack trace reaches a caller.
 */
public class ProblemMappers {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(ProblemType type, String detail, List<Violation> violations, UriInfo uri) {
        String instance = uri == null ? null : uri.getPath();
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(PROBLEM_JSON)
                .entity(Problem.of(type, detail, instance, violations));
        if (type == ProblemType.UNAUTHENTICATED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return response(e.type(), e.getMessage(), e.violations(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            // "addMember.input" is the whole (body) parameter: no body was sent at all.
            if (v.getPropertyPath().toString().split("\\.").length <= 2
                    && v.getConstraintDescriptor().getAnnotation() instanceof NotNull) {
                return response(ProblemType.BAD_REQUEST, "A request body is required.", List.of(), uri);
            }
            violations.add(Violation.of(v));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return response(ProblemType.VALIDATION, "The request has invalid fields.", violations, uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return response(ProblemType.VALIDATION, "The request has invalid fields.",
                List.of(new Violation(path(e), "is not a known field")), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String message;
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : target.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            message = "must be one of " + String.join(", ", names);
        } else {
            message = "has the wrong format or type";
        }
        return response(ProblemType.VALIDATION, "The request has invalid fields.",
                List.of(new Violation(path(e), message)), uri);
    }

    /**
     * A value of the wrong JSON type (an object for a string, an array for the body). Mapped here because
     * quarkus-rest-jackson's own mapper for it answers plain JSON, not problem+json.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mapping(e, uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = path(e);
        if (field.isEmpty()) {
            return response(ProblemType.BAD_REQUEST, "The request body is not the JSON this endpoint expects.", List.of(),
                    uri);
        }
        return response(ProblemType.VALIDATION, "The request has invalid fields.",
                List.of(new Violation(field, "has the wrong type")), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return response(ProblemType.BAD_REQUEST, "The request body is not well-formed JSON.", List.of(), uri);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return response(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return response(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(ProblemType.FORBIDDEN, "Your role may not perform this action.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return response(ProblemType.NOT_FOUND, "There is no such resource.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return response(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed on this resource.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return response(ProblemType.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted here.", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return response(ProblemType.NOT_ACCEPTABLE, "No representation matches the Accept header.", List.of(), uri);
    }

    /** A chunked body over the HTTP limit, met while read (ChunkedBodyLimit); the connection closes after the answer. */
    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e, UriInfo uri) {
        LOG.debugf("Chunked body over the limit on %s: 413", uri == null ? null : uri.getPath());
        return response(ProblemType.PAYLOAD_TOO_LARGE, HttpLimitProblems.DETAIL, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.BAD_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
        };
        if (type == ProblemType.INTERNAL) {
            return unexpected(e, uri);
        }
        if (type == ProblemType.PAYLOAD_TOO_LARGE) {
            // Quarkus REST's multipart parser at the HTTP limit (ChunkedBodyLimit usually meets it first).
            return response(type, HttpLimitProblems.DETAIL, List.of(), uri);
        }
        return response(type, type.title() + ".", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return response(ProblemType.PRECONDITION_FAILED, "The resource was changed by someone else; reload it and retry.",
                List.of(), uri);
    }

    /** Seconds a caller is asked to wait after a 503 (Retry-After). */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** 503 problem+json with Retry-After: the database is unavailable or too slow (see DatabaseFaults). */
    public static Response unavailable(DatabaseFaults.Kind kind, UriInfo uri) {
        return Response.fromResponse(response(ProblemType.SERVICE_UNAVAILABLE, DatabaseFaults.detail(kind), List.of(), uri))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        DatabaseFaults.Kind fault = DatabaseFaults.kindOf(e);
        if (fault != null) {
            DatabaseFaults.record(uri == null ? "REST" : uri.getPath(), e);
            return unavailable(fault, uri);
        }
        if (e instanceof IOException && "Request too large".equals(e.getMessage())) {
            // A chunked body beyond Quarkus REST's own cut-off (HttpLimitProblems.SLACK past the limit, which
            // ChunkedBodyLimit meets first): the HTTP layer has already answered a bare 413.
            return response(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.", List.of(), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s", errorId);
        return response(ProblemType.INTERNAL, "An unexpected error occurred (reference " + errorId + ").", List.of(), uri);
    }
}
