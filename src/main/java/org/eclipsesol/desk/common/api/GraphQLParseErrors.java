package org.eclipsesol.desk.common.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A POST /graphql whose document does not parse is answered like every other GraphQL error, with
 * {@code extensions.code: GRAPHQL_PARSE_FAILED} (and graphql-java's message and location). SmallRye parses the document
 * before graphql-java runs and answers such a request itself ("Unparseable input document", no code, no instrumentation
 * involved), so the document is parsed here first, after the body has been read and before SmallRye's handler. A
 * document over the token limit is left to SmallRye's own limit; anything that parses goes on unchanged.
 */
@ApplicationScoped
public class GraphQLParseErrors {

    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

    /** After the rate limit (-50, which counts a request before its body is read), before SmallRye's GraphQL handler. */
    static final int ORDER = -40;

    void install(@Observes Router router) {
        // Reads the body first (bounded like every body); the GraphQL route's own body handler then sees it was read.
        long limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class)
                .map(io.quarkus.runtime.configuration.MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        router.route("/graphql").order(ORDER).method(HttpMethod.POST)
                .handler(io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(limit))
                .handler(this::check);
    }

    void check(RoutingContext ctx) {
        String query = query(ctx);
        if (query != null) {
            try {
                ParserOptions options = ParserOptions.getDefaultParserOptions().transform(b -> b.maxTokens(maxTokens()));
                Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
            } catch (ParseCancelledException tooLong) {
                // SmallRye's own parser applies the same limit.
            } catch (InvalidSyntaxException e) {
                respond(ctx, e.getMessage(), e.getLocation());
                return;
            }
        }
        ctx.next();
    }

    private static String query(RoutingContext ctx) {
        if (ctx.body() == null || !ctx.body().available() || ctx.body().length() == 0) {
            return null;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().contains("json")) {
            return null;
        }
        try {
            Object query = ctx.body().asJsonObject().getValue("query");
            return query instanceof String s ? s : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static int maxTokens() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-graphql.parser-max-tokens", Integer.class).orElse(15000);
    }

    private static void respond(RoutingContext ctx, String message, SourceLocation location) {
        JsonObject error = new JsonObject().put("message", message == null ? "Invalid syntax" : message);
        if (location != null && location.getLine() > 0) {
            error.put("locations", new JsonArray(List.of(Map.of("line", location.getLine(), "column", location.getColumn()))));
        }
        error.put("extensions", new JsonObject().put("code", PARSE_FAILED).put("classification", "InvalidSyntax"));
        ctx.response().putHeader("Content-Type", "application/graphql-response+json; charset=UTF-8".equals(
                ctx.request().getHeader("Accept")) ? "application/graphql-response+json" : "application/json")
                .setStatusCode(200)
                .end(new JsonObject().put("errors", new JsonArray().add(error)).put("data", (Object) null).encode());
    }
}
