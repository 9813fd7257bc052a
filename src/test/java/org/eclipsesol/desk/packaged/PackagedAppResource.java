package org.eclipsesol.desk.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.eclipsesol.desk.support.Tokens;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the packaged application (prod profile) needs around it in an integration test, and nothing dev-only:
 * <ul>
 * <li>an OIDC provider: a tiny HTTP server answering Keycloak's discovery document and JWKS for the test key pair
 * (src/test/resources/test-oidc), so the jar discovers its keys exactly as in production
 * ({@code OIDC_AUTH_SERVER_URL}); tokens come from {@link Tokens} with the issuer the discovery document names;</li>
 * <li>this machine's PostgreSQL, in a schema of its own ({@code $TEST_DB_SCHEMA_it}), dropped before the run;</li>
 * <li>a free management port (health, metrics); the mailer mocked (no SMTP server here; the prod mailer is
 * otherwise unchanged).</li>
 * </ul>
 * The returned map is handed to the launched jar as system properties.
 */
public class PackagedAppResource implements QuarkusTestResourceLifecycleManager {

    /** The management port of the running application (set by {@link #start()}). */
    static volatile int managementPort;
    static volatile String schema;

    private HttpServer oidc;

    @Override
    public Map<String, String> start() {
        try {
            managementPort = freePort();
            schema = System.getenv().getOrDefault("TEST_DB_SCHEMA", "supportdesk_test") + "_it";
            dropSchema(schema);
            oidc = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + oidc.getAddress().getPort() + "/realms/support";
            String discovery = """
                    {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs",
                     "authorization_endpoint":"%s/protocol/openid-connect/auth",
                     "token_endpoint":"%s/protocol/openid-connect/token",
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(Tokens.ISSUER, base, base, base);
            String jwks = jwks();
            oidc.createContext("/realms/support/.well-known/openid-configuration", exchange -> reply(exchange, discovery));
            oidc.createContext("/realms/support/protocol/openid-connect/certs", exchange -> reply(exchange, jwks));
            oidc.start();

            Map<String, String> config = new HashMap<>();
            config.put("OIDC_AUTH_SERVER_URL", base);
            config.put("OIDC_AUDIENCE", Tokens.AUDIENCE);
            config.put("DB_SCHEMA", schema);
            config.put("desk.db.schema", schema);
            config.put("quarkus.management.port", Integer.toString(managementPort));
            config.put("quarkus.mailer.mock", "true");
            // Low enough for the IT to reach a 429 with a handful of requests.
            config.put("RATE_LIMIT_ESCALATIONS", "2");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the packaged application's environment", e);
        }
    }

    @Override
    public void stop() {
        if (oidc != null) {
            oidc.stop(0);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The JWKS of the test key pair: the public half of src/test/resources/test-oidc/private-key.pem. */
    static String jwks() throws Exception {
        String pem;
        try (InputStream in = PackagedAppResource.class.getClassLoader().getResourceAsStream("test-oidc/private-key.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        return """
                {"keys":[{"kty":"RSA","kid":"support-desk-test","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                .formatted(b64(key.getModulus()), b64(key.getPublicExponent()));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void dropSchema(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists \"" + schema + "\" cascade");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
