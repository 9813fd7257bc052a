package org.eclipsesol.desk.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.postgresql.Driver;

/**
 * Readiness of the database with a budget of its own ({@code desk.db.readiness-timeout}, at most 1 s): one
 * connection outside the pool (so a starved pool cannot hold the probe), {@code select 1} with connect, login and
 * socket time-outs, and the whole check bounded by a {@link Future} wait. A frozen PostgreSQL (socket reads hang),
 * a refused connection or an exhausted server answer DOWN within the budget. Replaces Quarkus' datasource check,
 * which borrows from the pool and waits for its acquisition time-out.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    DeskConfig config;

    private final ExecutorService probe = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desk-db-readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> running;
    private Connection connection;

    @Override
    public HealthCheckResponse call() {
        Duration budget = config.db().readinessTimeout();
        Future<?> previous = running;
        if (previous != null && !previous.isDone()) {
            return down("the previous check has not returned yet");
        }
        Future<?> check = probe.submit(() -> {
            ping(budget);
            return null;
        });
        running = check;
        try {
            check.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            DatabaseFaults.recovered();
            return HealthCheckResponse.up(NAME);
        } catch (TimeoutException e) {
            check.cancel(true);
            return down("no answer within " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(DatabaseFaults.summary(e.getCause() == null ? e : e.getCause()));
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    /** Runs on the probe thread only. */
    private void ping(Duration budget) throws SQLException {
        int seconds = (int) Math.max(1, (budget.toMillis() + 999) / 1000);
        try {
            if (connection == null) {
                Properties properties = new Properties();
                username.ifPresent(u -> properties.setProperty("user", u));
                password.ifPresent(p -> properties.setProperty("password", p));
                properties.setProperty("connectTimeout", Integer.toString(seconds));
                properties.setProperty("loginTimeout", Integer.toString(seconds));
                properties.setProperty("socketTimeout", Integer.toString(seconds));
                properties.setProperty("ApplicationName", "support-desk readiness");
                connection = new Driver().connect(url, properties);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(seconds);
                statement.execute("select 1");
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The connection is gone anyway.
            }
        }
    }

    @PreDestroy
    void stop() {
        probe.shutdownNow();
        closeQuietly();
    }
}
