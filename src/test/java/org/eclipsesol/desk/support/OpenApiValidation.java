package org.eclipsesol.desk.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every response a REST test receives under /api/ is validated against the OpenAPI document the running application
 * publishes (/q/openapi), so the spec and the behaviour cannot drift apart (issue 10, point 9). Installed as a global
 * RestAssured filter before each {@code @QuarkusTest} method (META-INF/services). Only responses are judged: tests send
 * invalid requests on purpose, and paths the document does not list (GraphQL, /q, /dev) are not judged. A response
 * that does not match (an undocumented status, a missing required field, a null where the schema says never) fails
 * the test with the validator's report.
 */
public final class OpenApiValidation implements Filter, QuarkusTestBeforeEachCallback {

    /** One validator per application (base URI), built from the document it serves. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof OpenApiValidation)) {
            RestAssured.filters(new OpenApiValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || !uri.getPath().startsWith("/api/")) {
            return ctx.next(request, response);
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(base, OpenApiValidation::validatorFor);
        Response answer = ctx.next(request, response);
        if (answer.getHeader("Content-Encoding") != null && !"identity".equals(answer.getHeader("Content-Encoding"))) {
            return answer; // a test that reads the compressed bytes itself
        }
        ValidationReport report = validator.validateResponse(uri.getPath(),
                com.atlassian.oai.validator.model.Request.Method.valueOf(request.getMethod().toUpperCase()),
                com.atlassian.oai.validator.restassured.RestAssuredResponse.of(answer));
        if (report.hasErrors()) {
            throw new AssertionError("The " + request.getMethod() + " " + uri.getPath() + " response (" + answer.statusCode()
                    + ") does not match the OpenAPI document: "
                    + com.atlassian.oai.validator.report.JsonValidationReportFormat.getInstance().apply(report));
        }
        return answer;
    }

    private static OpenApiInteractionValidator validatorFor(String base) {
        String spec;
        try {
            spec = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the OpenAPI document of " + base, e);
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.schema.invalidJson", ValidationReport.Level.IGNORE)
                        .withLevel("validation.schema.invalidJson", ValidationReport.Level.IGNORE)
                        // Header values are checked by the tests themselves (the validator parses them as JSON).
                        .withLevel("validation.response.header", ValidationReport.Level.IGNORE)
                        // An upload over the HTTP body limit is cut off by Vert.x (413 without a body).
                        .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        return validator;
    }
}
