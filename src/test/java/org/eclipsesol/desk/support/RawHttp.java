package org.eclipsesol.desk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/**
 * HTTP by hand, for what an HTTP client library cannot do: declare a body and not send it, or send a chunked body
 * while reading the answer that cuts it off.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer read off the socket: status, headers (lower-case names) and the decoded body. */
    public record Answer(int status, Map<String, String> headers, String body, String raw, long sent) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** POSTs only the headers of a body of {@code length} bytes (plus its first byte) and returns the whole answer. */
    public static String declaredBody(String path, String user, String contentType, long length) throws Exception {
        return declaredBody(URI.create(RestAssured.baseURI + ":" + RestAssured.port), Api.token(user), path, contentType,
                length, "{".getBytes(StandardCharsets.US_ASCII)).raw();
    }

    /**
     * POSTs the headers of a body of {@code length} bytes and only its {@code first} bytes to {@code base} (any
     * process, such as the packaged application), then reads the answer until the server closes or 10 s pass.
     */
    public static Answer declaredBody(URI base, String token, String path, String contentType, long length, byte[] first)
            throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(first);
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /**
     * POSTs a body with {@code Transfer-Encoding: chunked} (no Content-Length): {@code head}, then filler bytes
     * {@code fill} up to {@code total} bytes in 64 KiB chunks, then the last chunk. The answer is read while the
     * body is being written (the server may answer and close before it has all of it); writing stops once the
     * server has answered or closed. Returns the first answer on the connection, with the body bytes written by then.
     */
    public static Answer chunkedBody(String path, String user, String contentType, byte[] head, byte fill, long total)
            throws Exception {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> readAll(socket, received), "raw-http-reader");
            reader.setDaemon(true);
            reader.start();
            OutputStream out = socket.getOutputStream();
            long[] sent = { 0 };
            String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.token(user)
                    + "\r\nContent-Type: " + contentType + "\r\nAccept: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            try {
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                writeChunk(out, head);
                byte[] filler = new byte[64 * 1024];
                Arrays.fill(filler, fill);
                sent[0] = head.length;
                while (sent[0] < total && reader.isAlive()) {
                    int n = (int) Math.min(filler.length, total - sent[0]);
                    writeChunk(out, n == filler.length ? filler : Arrays.copyOf(filler, n));
                    sent[0] += n;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // The server answered and closed while the body was still being written.
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            byte[] bytes;
            synchronized (received) {
                bytes = received.toByteArray();
            }
            Answer answer = parse(bytes);
            return new Answer(answer.status(), answer.headers(), answer.body(), answer.raw(), sent[0]);
        }
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads until the first answer is complete, the server closes, or the connection is reset. */
    private static void readAll(Socket socket, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (into) {
                    into.write(buffer, 0, n);
                    if (complete(into.toByteArray())) {
                        return;
                    }
                }
            }
        } catch (IOException resetOrTimeout) {
            // what was read so far is the answer
        }
    }

    private static boolean complete(byte[] bytes) {
        try {
            Answer answer = parse(bytes);
            return answer != null && answer.body() != null;
        } catch (RuntimeException incomplete) {
            return false;
        }
    }

    /** Parses the first answer in {@code bytes}; body null while incomplete. */
    static Answer parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(-1, Map.of(), null, raw, -1);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int start = end + 4;
        String body = null;
        if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            if (bytes.length >= start + length) {
                body = new String(bytes, start, length, StandardCharsets.UTF_8);
            }
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(bytes, start);
        } else {
            body = "";
        }
        return new Answer(status, headers, body, raw, -1);
    }

    private static String dechunk(byte[] bytes, int start) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = start;
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        while (true) {
            int eol = raw.indexOf("\r\n", at);
            if (eol < 0) {
                return null;
            }
            int size = Integer.parseInt(raw.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            if (bytes.length < eol + 2 + size + 2) {
                return null;
            }
            body.write(bytes, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }
}
