package org.eclipsesol.desk.common.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Conditional GET for mobile clients (issue 10, point 10), on every REST GET under /api/:
 * <ul>
 * <li>a response that has no ETag of its own gets a weak one over its JSON body ({@code W/"<sha-256>"}), e.g. a page
 * of a list; a ticket keeps its strong ETag (its version);</li>
 * <li>{@code If-None-Match} naming the current ETag (weak comparison, or {@code *}) answers 304 without a body;</li>
 * <li>personal data is never stored by shared caches and always revalidated: {@code Cache-Control: private, no-cache};
 * the answer depends on who asks and in which format: {@code Vary: Authorization, Accept}.</li>
 * </ul>
 */
@Provider
public class HttpCaching implements ContainerResponseFilter {

    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != 200) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        response.getHeaders().putSingle(HttpHeaders.VARY, "Authorization, Accept");
        Object tag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        String etag = tag == null ? null : tag instanceof EntityTag e ? e.toString() : tag.toString();
        if (etag == null && response.hasEntity() && isJson(response)) {
            etag = weakTagOf(response.getEntity());
            if (etag != null) {
                response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
            }
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (etag != null && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    private static boolean isJson(ContainerResponseContext response) {
        return response.getMediaType() == null || response.getMediaType().getSubtype().endsWith("json");
    }

    private String weakTagOf(Object entity) {
        try {
            // Over the body less what only the clock changes (SLA elapsed/remaining), so a page is "the same" until
            // one of its tickets changes: weak equivalence.
            com.fasterxml.jackson.databind.JsonNode tree = json.valueToTree(entity);
            stripClockFields(tree);
            byte[] body = json.writeValueAsBytes(tree);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException | IllegalArgumentException e) {
            return null;
        }
    }

    static final java.util.Set<String> CLOCK_FIELDS = java.util.Set.of("elapsed", "remaining", "evaluatedAt");

    private static void stripClockFields(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            CLOCK_FIELDS.forEach(object::remove);
            object.forEach(HttpCaching::stripClockFields);
        } else if (node != null && node.isArray()) {
            node.forEach(HttpCaching::stripClockFields);
        }
    }

    /** Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored; any listed tag or * matches. */
    static boolean matches(String ifNoneMatch, String etag) {
        String current = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
