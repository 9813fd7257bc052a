package org.eclipsesol.desk.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.oidc.client.OidcTestClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;

/**
 * Real tokens from the built-in OIDC Dev Services (password grant) and request specs for each demo user.
 * Users and their roles are configured in application.properties (quarkus.oidc.devservices.roles.*).
 */
public final class Api {

    /** Client at Acme Dental (domain acme.example). */
    public static final String ANA = "ana@acme.example";
    /** Another client at Acme Dental. */
    public static final String BEN = "ben@acme.example";
    /** Client at Globex Logistics (domain globex.example). */
    public static final String CARLA = "carla@globex.example";
    /** Another client at Globex Logistics (by domain); the membership tests move him. */
    public static final String DAN = "dan@globex.example";
    /** A client whose domain belongs to no organization. */
    public static final String NORA = "nora@nowhere.example";
    public static final String TOM = "tom@eclipsesol.org";
    public static final String TESS = "tess@eclipsesol.org";
    public static final String SAM = "sam@eclipsesol.org";
    /** Authenticated, but with none of Support Desk's roles. */
    public static final String NOBODY = "nobody@eclipsesol.org";

    /** A cached token is replaced this long before it expires, so no request carries one that expires in flight. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static OidcTestClient client;

    private record CachedToken(String value, Instant expiresAt) {
    }

    private Api() {
    }

    /**
     * A real access token for {@code user}, cached until shortly before its {@code exp} (real time: the identity
     * provider and the token check use the wall clock, not the application's test clock).
     */
    public static synchronized String token(String user) {
        if (client == null) {
            client = new OidcTestClient();
        }
        CachedToken cached = TOKENS.get(user);
        if (cached == null || Instant.now().plus(RENEW_BEFORE_EXPIRY).isAfter(cached.expiresAt())) {
            String value = client.getAccessToken(user, "any-password");
            cached = new CachedToken(value, expiryOf(value));
            TOKENS.put(user, cached);
        }
        return cached.value();
    }

    private static Instant expiryOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(new JsonObject(payload).getLong("exp"));
    }

    /** A JSON request as {@code user}. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request with no token at all. */
    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /**
     * A request as {@code user} (null: anonymous) with no content type set, for multipart uploads, raw bodies
     * and downloads.
     */
    public static RequestSpecification bare(String user) {
        RequestSpecification spec = given();
        return user == null ? spec : spec.auth().oauth2(token(user));
    }
}
