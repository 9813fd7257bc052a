package org.eclipsesol.desk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** graphql-transport-ws connections for tests: connect as a demo user, subscribe, read the messages in order. */
public final class GraphQLWs implements AutoCloseable {

    private final Vertx vertx;
    private final URI graphql;
    private final List<HttpClient> clients = new ArrayList<>();

    public GraphQLWs(Vertx vertx, URI graphql) {
        this.vertx = vertx;
        this.graphql = graphql;
    }

    /** A connection with the user's token in the upgrade request (or in connection_init). */
    public Connection connect(String user, boolean tokenInInitPayload) throws Exception {
        JsonObject initPayload = new JsonObject();
        String header = null;
        if (user != null && tokenInInitPayload) {
            initPayload.put("Authorization", "Bearer " + Api.token(user));
        } else if (user != null) {
            header = "Bearer " + Api.token(user);
        }
        return open(header, initPayload);
    }

    /** A connection with the given token (valid or not) in the upgrade request. */
    public Connection connectWithToken(String token) throws Exception {
        return open("Bearer " + token, new JsonObject());
    }

    private Connection open(String authorization, JsonObject initPayload) throws Exception {
        HttpClient client = vertx.createHttpClient();
        clients.add(client);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost()).setPort(graphql.getPort())
                .setURI(graphql.getPath()).addSubProtocol("graphql-transport-ws");
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        WebSocket ws = client.webSocket(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Connection connection = new Connection(ws);
        connections.add(connection);
        connection.send(new JsonObject().put("type", "connection_init").put("payload", initPayload));
        JsonObject ack = connection.next(Duration.ofSeconds(10));
        assertThat(ack).isNotNull();
        assertThat(ack.getString("type")).isEqualTo("connection_ack");
        return connection;
    }

    /** Every message with errors received on any connection so far. */
    public List<JsonObject> messagesWithErrors() {
        return connections.stream().flatMap(c -> c.withErrors.stream()).toList();
    }

    private final List<Connection> connections = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void close() {
        clients.forEach(HttpClient::close);
        clients.clear();
    }

    public static final class Connection {

        final WebSocket ws;
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        /** Every message that carried errors, whether a test read it or not. */
        public final List<JsonObject> withErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

        Connection(WebSocket ws) {
            this.ws = ws;
            ws.textMessageHandler(text -> {
                JsonObject message = new JsonObject(text);
                if (!"ping".equals(message.getString("type"))) {
                    if (!errors(message).isEmpty()) {
                        withErrors.add(message);
                    }
                    messages.add(message);
                }
            });
        }

        public void send(JsonObject message) {
            ws.writeTextMessage(message.encode());
        }

        public void subscribe(String id, String query, Map<String, Object> variables) {
            send(new JsonObject().put("id", id).put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", query).put("variables", new JsonObject(variables))));
        }

        /** The next message (any subscription), or null after the timeout. */
        public JsonObject next(Duration timeout) throws InterruptedException {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Everything that arrives within the timeout. */
        public List<JsonObject> drain(Duration timeout) throws InterruptedException {
            List<JsonObject> all = new ArrayList<>();
            long end = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toMillis(); left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                JsonObject m = messages.poll(left, TimeUnit.MILLISECONDS);
                if (m != null) {
                    all.add(m);
                }
            }
            return all;
        }
    }

    /** The errors of a message: an "error" message's payload or a "next" message's errors (empty if none). */
    public static JsonArray errors(JsonObject message) {
        if ("error".equals(message.getString("type"))) {
            return message.getJsonArray("payload");
        }
        JsonObject payload = message.getJsonObject("payload");
        JsonArray errors = payload == null ? null : payload.getJsonArray("errors");
        return errors == null ? new JsonArray() : errors;
    }
}
