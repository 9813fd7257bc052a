package org.eclipsesol.desk.faults;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.eclipsesol.desk.support.Tokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny OIDC issuer for the packaged application: the discovery document and the JWKS of the test key pair
 * (src/test/resources/test-oidc) that {@link Tokens} signs with, so the prod profile verifies the suite's tokens as
 * it verifies Keycloak's (discovery, keys by {@code kid}, issuer, audience).
 */
final class TinyIssuer implements AutoCloseable {

    private static TinyIssuer shared;
    private final HttpServer server;

    private TinyIssuer() throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(PackagedApp.testPublicKey())));
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"support-desk-test\",\"n\":\""
                + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String discovery = "{\"issuer\":\"" + Tokens.ISSUER + "\",\"jwks_uri\":\"" + base + "/jwks\","
                + "\"token_endpoint\":\"" + base + "/token\",\"authorization_endpoint\":\"" + base + "/auth\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.createContext("/.well-known/openid-configuration", x -> send(x, discovery));
        server.createContext("/jwks", x -> send(x, jwks));
        server.start();
    }

    static synchronized TinyIssuer shared() throws Exception {
        if (shared == null) {
            shared = new TinyIssuer();
        }
        return shared;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void send(HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
