package org.eclipsesol.desk.common.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The cross-cutting parts of the published OpenAPI contract (issue 10, points 6-8), applied to every operation, so
 * that new endpoints get them too: an operationId, tags with descriptions, the shared {@code Problem} schema under
 * {@code application/problem+json} for every error status an operation can answer, the response headers
 * ({@code ETag}, {@code Location}, {@code Idempotent-Replayed}, {@code RateLimit}, {@code Retry-After}), typed query
 * parameters, {@code required} lists and nullable fields, servers, contact, license and a security scheme whose URLs
 * come from the configured issuer. Success bodies of operations that return a JAX-RS {@code Response} are typed here
 * too ({@link #SUCCESS}). Runs at start ({@code quarkus.smallrye-openapi.always-run-filter}) to see the runtime issuer.
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** What a status means when an operation answers it with a problem. */
    static final Map<String, String> ERRORS = new LinkedHashMap<>();
    static {
        ERRORS.put("400", "Malformed request: bad JSON, an unknown query parameter, a bad cursor or id.");
        ERRORS.put("401", "No valid bearer token.");
        ERRORS.put("403", "The caller's role may not do this.");
        ERRORS.put("404", "Unknown, or not visible to the caller (indistinguishable).");
        ERRORS.put("406", "None of the Accept header's types can be produced.");
        ERRORS.put("409", "Refused transition or duplicate.");
        ERRORS.put("412", "If-Match is stale: the resource changed since it was read.");
        ERRORS.put("428", "If-Match is required here.");
        ERRORS.put("413", "Body too large.");
        ERRORS.put("415", "Unsupported content type.");
        ERRORS.put("422", "Invalid input (violations list the fields).");
        ERRORS.put("429", "Over a rate limit or quota; retry after Retry-After seconds.");
        ERRORS.put("503", "A dependency (the database) is unavailable; retry after Retry-After seconds.");
    }

    record Success(String status, String schema, String mediaType, List<String> headers) {
    }

    /** Success answers of operations that return a JAX-RS Response (which SmallRye cannot type by itself). */
    static final Map<String, List<Success>> SUCCESS = new LinkedHashMap<>();
    static {
        SUCCESS.put("POST /api/v1/tickets", List.of(
                new Success("201", "TicketView", null, List.of("Location", "ETag")),
                new Success("200", "TicketView", null, List.of("Location", "ETag", "Idempotent-Replayed"))));
        SUCCESS.put("GET /api/v1/tickets/{id}", List.of(new Success("200", "TicketView", null, List.of("ETag"))));
        SUCCESS.put("PATCH /api/v1/tickets/{id}", List.of(new Success("200", "TicketView", null, List.of("ETag"))));
        SUCCESS.put("POST /api/v1/tickets/{id}/comments", List.of(new Success("201", "CommentView", null, List.of())));
        SUCCESS.put("POST /api/v1/tickets/{id}/attachments",
                List.of(new Success("201", "AttachmentView", null, List.of("Location"))));
        SUCCESS.put("GET /api/v1/tickets/{id}/attachments/{attachmentId}",
                List.of(new Success("200", null, "*/*", List.of())));
        SUCCESS.put("POST /api/v1/tickets/{id}/escalations", List.of(new Success("201", "EscalationView", null, List.of())));
        SUCCESS.put("POST /api/v1/tickets/{id}/time-entries", List.of(new Success("201", "TimeEntryView", null, List.of())));
        SUCCESS.put("POST /api/v1/organizations", List.of(new Success("201", "OrganizationView", null, List.of("Location"))));
        SUCCESS.put("POST /api/v1/organizations/{id}/members", List.of(new Success("201", "MemberView", null, List.of())));
        SUCCESS.put("POST /api/v1/sla/policies", List.of(new Success("201", "PolicyView", null, List.of("Location"))));
        SUCCESS.put("POST /api/v1/intake/email", List.of(new Success("201", "IntakeResult", null, List.of()),
                new Success("200", "IntakeResult", null, List.of()), new Success("202", "IntakeResult", null, List.of())));
    }

    static final Map<String, String> TAGS = Map.of(
            "Tickets", "Tickets, their comments, history, attachments and time entries.",
            "SLA", "Service levels: policies, holidays, quotes, a ticket's timeline and overrides.",
            "Escalations", "Escalations raised on tickets and the supervisors' queue.",
            "Organizations", "Client organizations, their e-mail domains, members and agreements.",
            "Reports", "SLA reports (JSON or CSV).",
            "Intake", "Inbound e-mail from the mail gateway.",
            "Me", "Who the caller is.");

    /** Enum-typed query parameters (the value must be one of the schema's). */
    static final Map<String, String> ENUM_PARAMETERS = Map.of("status", "TicketStatus", "priority", "Priority",
            "service", "ServiceLine", "slaStatus", "TargetStatus", "sort", "TicketSort");

    /** Properties of response schemas that are always present and never null. */
    static final Set<String> NEVER_NULL = Set.of("id", "number", "title", "description", "priority", "service",
            "category", "channel", "status", "openedAt", "createdAt", "updatedAt", "items", "sla", "response",
            "resolution", "policyVersion", "version", "target", "clock", "ticketId", "at", "type", "body", "internal",
            "escalated", "billable", "outOfScope", "size", "fileName", "contentType", "minutes", "afterHoursMinutes",
            "roles", "subject", "name", "emailDomains", "segments", "kind", "level", "reason", "raisedAt", "source");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        info(openAPI);
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Problem", problemSchema());
        components.addSchema("TicketSort", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                .description("Order of a ticket list: NEWEST (default), OLDEST, DUE (earliest SLA due first), UPDATED "
                        + "(oldest change first, for incremental sync with updatedSince).")
                .enumeration(List.of("NEWEST", "OLDEST", "DUE", "UPDATED")));
        securitySchemes(components);
        tags(openAPI);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> operation(path, method, operation)));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().forEach(this::requiredAndNullable);
        }
    }

    private static void info(OpenAPI openAPI) {
        var info = openAPI.getInfo() == null ? OASFactory.createInfo() : openAPI.getInfo();
        info.setContact(OASFactory.createContact().name("Eclipse Solutions support engineering")
                .email("api@eclipsesol.org").url("https://support-desk.eclipsesol.org/docs"));
        info.setLicense(OASFactory.createLicense().name("Proprietary").url("https://support-desk.eclipsesol.org/terms"));
        openAPI.setInfo(info);
        String url = ConfigProvider.getConfig().getOptionalValue("api.public-url", String.class)
                .orElse("http://localhost:8080");
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url).description("This deployment"))));
    }

    /** The issuer the tokens come from: the configured OIDC server, else the test profile's issuer. */
    static String issuer() {
        var config = ConfigProvider.getConfig();
        Optional<String> url;
        try {
            url = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                    .or(() -> config.getOptionalValue("quarkus.oidc.token.issuer", String.class));
        } catch (RuntimeException unresolved) {
            url = Optional.empty(); // at build time prod's ${OIDC_AUTH_SERVER_URL} is not set yet
        }
        String issuer = url.orElse("http://localhost:8180/realms/support");
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private static void securitySchemes(Components components) {
        String issuer = issuer();
        if (components.getSecuritySchemes() != null) {
            components.removeSecurityScheme("SecurityScheme"); // Quarkus' automatic one, without a URL
        }
        components.addSecurityScheme("oidc", OASFactory.createSecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .description("Bearer access tokens from the OIDC provider (Keycloak realm roles client, technician, "
                        + "supervisor, mail-gateway).")
                .openIdConnectUrl(issuer + "/.well-known/openid-configuration"));
        OAuthFlow code = OASFactory.createOAuthFlow().authorizationUrl(issuer + "/protocol/openid-connect/auth")
                .tokenUrl(issuer + "/protocol/openid-connect/token").refreshUrl(issuer + "/protocol/openid-connect/token")
                .scopes(Map.of("openid", "OpenID Connect sign-in"));
        OAuthFlow machine = OASFactory.createOAuthFlow().tokenUrl(issuer + "/protocol/openid-connect/token")
                .scopes(Map.of());
        OAuthFlows flows = OASFactory.createOAuthFlows().authorizationCode(code).clientCredentials(machine);
        components.addSecurityScheme("oauth2", OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("The same provider as OAuth2 flows: authorization code (people), client credentials "
                        + "(the mail gateway).")
                .flows(flows));
    }

    private static void tags(OpenAPI openAPI) {
        List<Tag> tags = openAPI.getTags() == null ? new ArrayList<>() : new ArrayList<>(openAPI.getTags());
        for (Tag tag : tags) {
            if (tag.getDescription() == null) {
                tag.setDescription(TAGS.getOrDefault(tag.getName(), tag.getName() + " endpoints."));
            }
        }
        openAPI.setTags(tags);
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details. type is stable (https://support-desk.eclipsesol.org/problems/...).")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uri"))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(violation))
                .required(List.of("type", "title", "status"));
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().type(List.of(type)));
    }

    static Map<String, Header> headers(List<String> names) {
        Map<String, Header> headers = new LinkedHashMap<>();
        for (String name : names) {
            switch (name) {
                case "ETag" -> headers.put(name, header("The resource's version, quoted (strong): send it as If-Match "
                        + "or If-None-Match.", Schema.SchemaType.STRING));
                case "Location" -> headers.put(name, header("Where the created resource lives.", Schema.SchemaType.STRING));
                case "Idempotent-Replayed" -> headers.put(name, header("true when the Idempotency-Key was used before: "
                        + "this is the first request's ticket.", Schema.SchemaType.STRING));
                case "Retry-After" -> headers.put(name, header("Seconds to wait before retrying.",
                        Schema.SchemaType.INTEGER));
                default -> headers.put(name, header(name, Schema.SchemaType.STRING));
            }
        }
        headers.put("RateLimit", header("The caller's remaining budget (IETF draft), e.g. \"reads\";r=1199;t=0.",
                Schema.SchemaType.STRING));
        headers.put("RateLimit-Policy", header("The budget's policy (IETF draft), e.g. \"reads\";q=1200;w=60.",
                Schema.SchemaType.STRING));
        return headers;
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() == null) {
            operation.setOperationId(operationId(method, path));
        }
        if (operation.getSummary() == null) {
            operation.setSummary(method.name() + " " + path);
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(List.of("Tickets"));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Success> successes = SUCCESS.get(method.name() + " " + path);
        if (successes != null) {
            if (responses.getAPIResponses() != null) {
                List.copyOf(responses.getAPIResponses().keySet()).stream().filter(k -> k.startsWith("2"))
                        .forEach(responses::removeAPIResponse);
            }
            for (Success s : successes) {
                Content content = OASFactory.createContent();
                if (s.schema() != null) {
                    content.addMediaType("application/json", OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("#/components/schemas/" + s.schema())));
                } else {
                    content.addMediaType(s.mediaType(), OASFactory.createMediaType().schema(OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.STRING)).format("binary")));
                }
                responses.addAPIResponse(s.status(), OASFactory.createAPIResponse().description(
                        s.status().equals("201") ? "Created" : s.status().equals("202") ? "Accepted" : "OK")
                        .content(content).headers(headers(s.headers())));
            }
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    typeTextCsv(response);
                    Map<String, Header> all = new LinkedHashMap<>(headers(List.of()));
                    if (response.getHeaders() != null) {
                        all.putAll(response.getHeaders());
                    }
                    response.setHeaders(all);
                }
            });
        }
        if (method == PathItem.HttpMethod.GET && (path.equals("/api/v1/tickets") || path.equals("/api/v1/tickets/{id}"))) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match matches the current ETag.").headers(headers(List.of("ETag"))));
        }
        for (String status : errorsOf(path, method, operation)) {
            if (responses.getAPIResponse(status) == null || problemLess(responses.getAPIResponse(status))) {
                responses.addAPIResponse(status, problem(status));
            }
        }
        typeQueryParameters(operation);
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme("oidc"),
                    OASFactory.createSecurityRequirement().addScheme("oauth2"))));
        }
    }

    private static boolean problemLess(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaType(PROBLEM_JSON) == null;
    }

    private static void typeTextCsv(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        response.getContent().getMediaTypes().forEach((type, media) -> {
            if (media.getSchema() == null && type.startsWith("text/")) {
                media.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
            }
        });
    }

    /** The error statuses an operation may answer. */
    static List<String> errorsOf(String path, PathItem.HttpMethod method, Operation operation) {
        // 404 everywhere: an id in the path, or one in a parameter or body (organizationId...), may be unknown.
        List<String> statuses = new ArrayList<>(List.of("400", "401", "403", "404", "406"));
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (write) {
            statuses.add("409");
            if (method == PathItem.HttpMethod.PATCH) {
                statuses.add("412");
                statuses.add("428");
            }
            statuses.add("413");
            statuses.add("415");
            statuses.add("422");
        } else if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            statuses.add("422");
        }
        statuses.add("429");
        statuses.add("503");
        return statuses;
    }

    private static APIResponse problem(String status) {
        List<String> headers = status.equals("429") || status.equals("503") ? List.of("Retry-After") : List.of();
        return OASFactory.createAPIResponse().description(ERRORS.get(status))
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))))
                .headers(headers(headers));
    }

    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.replace("/api/v1/", "").split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean variable = segment.startsWith("{");
            String word = segment.replaceAll("[{}]", "");
            if (variable) {
                id.append("By");
            }
            for (String part : word.split("-")) {
                if (!part.isEmpty()) {
                    id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static void typeQueryParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.QUERY) {
                continue;
            }
            String name = parameter.getName();
            if (name.equals("limit")) {
                parameter.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(100))
                        .defaultValue(20));
                parameter.setDescription("Page size, 1-100 (default 20).");
            } else if (name.equals("escalated")) {
                parameter.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN)));
            } else if (name.equals("cursor")) {
                parameter.setDescription("The nextCursor of the previous page.");
            } else if (name.equals("updatedSince") || name.equals("openedAt") || name.equals("from") || name.equals("to")) {
                parameter.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("date-time"));
            } else if (ENUM_PARAMETERS.containsKey(name)) {
                parameter.setSchema(OASFactory.createSchema().ref("#/components/schemas/" + ENUM_PARAMETERS.get(name)));
            }
        }
    }

    /**
     * Output schemas (not inputs, not enums) list every property as required (the JSON always carries it, null or
     * not), and every property that may be null says so, except those in {@link #NEVER_NULL}.
     */
    private void requiredAndNullable(String name, Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty() || name.endsWith("Input")
                || name.equals("TicketPatch") || name.equals("Problem") || name.equals("EmailInput")) {
            return;
        }
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((property, value) -> {
            if (NEVER_NULL.contains(property) || primitive(value)) {
                return;
            }
            properties.put(property, nullable(value));
        });
        schema.setProperties(properties);
    }

    private static boolean primitive(Schema schema) {
        List<Schema.SchemaType> types = schema.getType();
        return types != null && (types.contains(Schema.SchemaType.BOOLEAN) || types.contains(Schema.SchemaType.INTEGER)
                || types.contains(Schema.SchemaType.ARRAY)) && !types.contains(Schema.SchemaType.NULL);
    }

    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            return OASFactory.createSchema().description(schema.getDescription())
                    .anyOf(List.of(OASFactory.createSchema().ref(schema.getRef()),
                            OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.isEmpty() || types.contains(Schema.SchemaType.NULL)) {
            return schema;
        }
        List<Schema.SchemaType> withNull = new ArrayList<>(types);
        withNull.add(Schema.SchemaType.NULL);
        schema.setType(withNull);
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        return schema;
    }
}
