package org.eclipsesol.desk.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.sla.app.SlaAlertRaised;
import org.eclipsesol.desk.ticket.app.TicketChanged;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Ticket changes and SLA alerts for every replica, through PostgreSQL's NOTIFY, delivered to every replica that
 * LISTENs, including this one; live streams (GraphQL subscriptions) read what arrives. An alert found by the
 * monitor on one replica thus reaches subscribers connected to any other.
 * <p>
 * An alert is sent inside the transaction that raised it. A ticket change is sent <em>after</em> its transaction
 * committed, by one sender thread that puts every change waiting at that moment into one statement: a NOTIFY in a
 * writing transaction holds PostgreSQL's cluster-wide notify lock through that transaction's commit (its WAL flush),
 * so every ticket write of every replica committed one after the other (docs/decisions.md "Ticket changes after
 * commit"). The price: a replica that dies between a commit and its send loses that push (never a saved change).
 */
@ApplicationScoped
public class ClusterEvents {

    private static final Logger LOG = Logger.getLogger(ClusterEvents.class);
    static final int SUBSCRIBER_BUFFER = 1024;
    /** Committed changes waiting for the sender; more are dropped (and counted) while the database is away. */
    static final int UNSENT_BUFFER = 10_000;
    /** Changes per statement: NOTIFY payloads are small (~200 bytes), a statement stays far below any limit. */
    static final int SEND_BATCH = 200;
    /** How long the sender waits for more changes after the first (a push leaves at most this much later). */
    static final long LINGER_NANOS = 10_000_000L;
    private static final String SEND = "select count(pg_notify(?, payload)) from unnest(?) as payload";

    private final BroadcastProcessor<TicketChanged> ticketChanges = BroadcastProcessor.create();
    private final BroadcastProcessor<SlaAlertRaised> slaAlerts = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;
    private Thread sender;
    /** The sender thread's connection and statement; only that thread touches them. */
    private Connection sending;
    private PreparedStatement sendStatement;
    private final BlockingQueue<String> unsent = new LinkedBlockingQueue<>(UNSENT_BUFFER);
    private final AtomicLong dropped = new AtomicLong();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    DeskConfig config;

    @Inject
    ReplicaCaches caches;

    @Inject
    MeterRegistry registry;

    /**
     * Changes committed anywhere in the cluster. Each subscriber buffers what it has not consumed yet; one that
     * falls {@value #SUBSCRIBER_BUFFER} events behind fails rather than hold the others up.
     */
    public Multi<TicketChanged> ticketChanges() {
        return ticketChanges.onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    /** AT_RISK/BREACHED alerts committed anywhere in the cluster, buffered per subscriber like {@link #ticketChanges()}. */
    public Multi<SlaAlertRaised> slaAlerts() {
        return slaAlerts.onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    /** One channel per schema, so dev, test and prod sharing a database do not hear each other. */
    String channel() {
        return ReplicaCaches.channel(config);
    }

    void onTicketChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged change) {
        if (!unsent.offer(envelope("ticket", json.valueToTree(change)))) {
            dropped.incrementAndGet();
        }
    }

    void onSlaAlert(@Observes SlaAlertRaised alert) {
        caches.notifyOnCommit(envelope("alert", json.valueToTree(alert)));
    }

    private String envelope(String type, JsonNode body) {
        ObjectNode envelope = json.createObjectNode().put("type", type);
        envelope.set("body", body);
        return envelope.toString();
    }

    void start(@Observes StartupEvent event) {
        FunctionCounter.builder("desk.live.changes.dropped", dropped, AtomicLong::get)
                .description("Committed ticket changes not pushed to live subscribers (database away, queue full)")
                .register(registry);
        running = true;
        listener = new Thread(this::listen, "desk-cluster-events");
        listener.setDaemon(true);
        listener.start();
        sender = new Thread(this::sendCommitted, "desk-cluster-sender");
        sender.setDaemon(true);
        sender.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing is best effort on shutdown.
            }
        }
        Thread draining = sender;
        if (draining != null) {
            try {
                // What was committed before the shutdown is still sent, for a moment at most.
                draining.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends the committed ticket changes, a batch per statement. A batch that fails is tried again on a new
     * connection, three times at most, then dropped: by then the database is away and nothing commits.
     */
    private void sendCommitted() {
        List<String> batch = new ArrayList<>(SEND_BATCH);
        int failures = 0;
        while (running || !unsent.isEmpty()) {
            try {
                if (batch.isEmpty() && !fill(batch)) {
                    continue;
                }
                send(batch);
                batch.clear();
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                report("Cluster event sender", e);
                close(sending);
                sending = null;
                if (++failures >= 3) {
                    dropped.addAndGet(batch.size());
                    batch.clear();
                    failures = 0;
                }
                if (running) {
                    sleep();
                }
            }
        }
        close(sending);
    }

    /**
     * Takes the changes waiting now, up to {@value #SEND_BATCH}, lingering {@link #LINGER_NANOS} for those of
     * requests committing meanwhile (under load one statement carries many); false if none came within 200 ms.
     */
    private boolean fill(List<String> batch) throws InterruptedException {
        String first = unsent.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        long lingerEnd = System.nanoTime() + LINGER_NANOS;
        long left;
        while (batch.size() < SEND_BATCH && (left = lingerEnd - System.nanoTime()) > 0) {
            String next = unsent.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            unsent.drainTo(batch, SEND_BATCH - batch.size());
        }
        return true;
    }

    /** One autocommit statement on the sender's own connection (outside the pool, which the requests need). */
    private void send(List<String> batch) throws SQLException {
        if (sending == null) {
            Connection connection = connect();
            try {
                sendStatement = connection.prepareStatement(SEND);
            } catch (SQLException e) {
                close(connection);
                throw e;
            }
            sending = connection;
        }
        sendStatement.setString(1, channel());
        sendStatement.setArray(2, sending.createArrayOf("text", batch.toArray()));
        sendStatement.execute();
    }

    /** One WARN per database incident (not one per retry of an outage); anything else as it happens. */
    private static void report(String who, Exception e) {
        if (DatabaseFaults.isFault(e)) {
            DatabaseFaults.record(who, e);
        } else {
            LOG.warnf("%s failed (%s); reconnecting", who, e.getMessage());
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        return new Driver().connect(url, properties);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // A broken connection is replaced; closing it is best effort.
            }
        }
    }

    /** Holds one connection outside the pool; reconnects after a failure (events sent meanwhile are missed). */
    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel());
                }
                caches.listening(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(2000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    report("Cluster event listener", e);
                    sleep();
                }
            } finally {
                listening = null;
                caches.listening(false);
            }
        }
    }

    private void dispatch(String payload) {
        try {
            JsonNode envelope = json.readTree(payload);
            switch (envelope.path("type").asText()) {
                case "ticket" -> ticketChanges.onNext(json.treeToValue(envelope.get("body"), TicketChanged.class));
                case "alert" -> slaAlerts.onNext(json.treeToValue(envelope.get("body"), SlaAlertRaised.class));
                case ReplicaCaches.EVENT_TYPE -> caches.invalidated(envelope.path("body").asText());
                default -> LOG.debugf("Ignoring cluster event %s", payload);
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring an unreadable cluster event: %s", e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
