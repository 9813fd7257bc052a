package org.eclipsesol.desk.support;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;

/** HTTP by hand, for what an HTTP client library cannot do: declare a body and not send it. */
public final class RawHttp {

    private RawHttp() {
    }

    /** POSTs only the headers of a body of {@code length} bytes (plus its first byte) and returns the whole answer. */
    public static String declaredBody(String path, String user, String contentType, long length) throws Exception {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.token(user)
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n{";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
