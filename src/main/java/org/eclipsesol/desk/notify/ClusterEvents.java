package org.eclipsesol.desk.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Ticket changes and SLA alerts for every replica. Each event is sent with PostgreSQL's NOTIFY inside the
 * transaction that caused it, so it is delivered only if that transaction commits, to every replica that
 * LISTENs, including this one; live streams (GraphQL subscriptions) read what arrives. An alert found by the
 * monitor on one replica thus reaches subscribers connected to any other.
 */
@ApplicationScoped
public class ClusterEvents {

    private static final Logger LOG = Logger.getLogger(ClusterEvents.class);
    static final int SUBSCRIBER_BUFFER = 1024;

    private final BroadcastProcessor<TicketChanged> ticketChanges = BroadcastProcessor.create();
    private final BroadcastProcessor<SlaAlertRaised> slaAlerts = BroadcastProcessor.create();
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    @Inject
    EntityManager em;

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

    void onTicketChanged(@Observes TicketChanged change) {
        send("ticket", json.valueToTree(change));
    }

    void onSlaAlert(@Observes SlaAlertRaised alert) {
        send("alert", json.valueToTree(alert));
    }

    private void send(String type, JsonNode body) {
        ObjectNode envelope = json.createObjectNode().put("type", type);
        envelope.set("body", body);
        em.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", channel()).setParameter("payload", envelope.toString()).getSingleResult();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "desk-cluster-events");
        listener.setDaemon(true);
        listener.start();
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
    }

    /** Holds one connection outside the pool; reconnects after a failure (events sent meanwhile are missed). */
    private void listen() {
        while (running) {
            Properties properties = new Properties();
            username.ifPresent(u -> properties.setProperty("user", u));
            password.ifPresent(p -> properties.setProperty("password", p));
            try (Connection connection = new Driver().connect(url, properties)) {
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
                    if (DatabaseFaults.isFault(e)) {
                        // One WARN per database incident, not one every two seconds of an outage.
                        DatabaseFaults.record("cluster event listener", e);
                    } else {
                        LOG.warnf("Cluster event listener lost its connection (%s); reconnecting", e.getMessage());
                    }
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
