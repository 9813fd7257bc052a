package org.eclipsesol.desk.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipsesol.desk.support.Tokens;

/**
 * Load from several threads: writers open tickets, each with an Idempotency-Key they retry (after
 * {@code Retry-After}, or 200 ms after a reset) until acknowledged; readers list tickets and read {@code /me}. Every
 * outcome is recorded with when its request started and ended, so an experiment can say what callers saw while
 * the fault lasted and when they recovered.
 */
final class Load implements AutoCloseable {

    /** 2xx, 429, 503, and a GraphQL answer whose only errors are SERVICE_UNAVAILABLE (recorded as 1503). */
    static final Set<Integer> ALLOWED = Set.of(200, 201, 429, 503, 1503);
    static final int GRAPHQL_UNAVAILABLE = 1503;
    static final int GRAPHQL_OTHER_ERROR = 1500;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** One request's outcome: status (or -1 for a reset/refused connection, -2 for a client time-out). */
    record Outcome(String kind, long startNanos, long endNanos, int status, boolean retryAfter, String error) {

        boolean success() {
            return status >= 200 && status < 300;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private final PackagedApp app;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** Writers keep retrying their last key until this instant (nanoTime) after stop. */
    private volatile long giveUpAt = Long.MAX_VALUE;
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final AtomicLong attempts = new AtomicLong();

    Load(PackagedApp app) {
        this.app = app;
    }

    static String clientToken(int n) {
        return Tokens.subject("faults-client-" + n).email("client" + n + "@faults.example", true).name("Client " + n)
                .realmRoles(List.of("client")).sign();
    }

    Load writers(int n) {
        for (int i = 0; i < n; i++) {
            String token = clientToken(i);
            start("writer-" + i, () -> write(token));
        }
        return this;
    }

    Load readers(int n) {
        for (int i = 0; i < n; i++) {
            String token = clientToken(100 + i);
            int which = i;
            start("reader-" + i, () -> {
                while (running) {
                    switch (which % 3) {
                        case 0 -> call("list", token, "/api/v1/tickets?limit=5", null, null);
                        case 1 -> call("me", token, "/api/v1/me", null, null);
                        default -> call("graphql", token, "/graphql",
                                "{\"query\":\"{ me { email } tickets(first: 3) { totalCount } }\"}", null);
                    }
                    pause(50);
                }
            });
        }
        return this;
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, "faults-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void write(String token) {
        while (running) {
            String key = UUID.randomUUID().toString();
            String body = "{\"title\":\"Fault suite " + key + "\",\"description\":\"Opened under an injected fault\","
                    + "\"priority\":\"MEDIUM\",\"service\":\"MANAGED_IT\",\"category\":\"TECHNICAL_ASSISTANCE\"}";
            while (true) {
                Outcome o = call("write", token, "/api/v1/tickets", body, key);
                if (o.success()) {
                    break;
                }
                if (System.nanoTime() > giveUpAt) {
                    abandoned.add(key);
                    return;
                }
                pause(o.retryAfter() ? 1000 : 200);
            }
        }
    }

    private Outcome call(String kind, String token, String path, String body, String key) {
        attempts.incrementAndGet();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
        }
        long start = System.nanoTime();
        Outcome o;
        try {
            HttpResponse<String> r = PackagedApp.Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            int status = r.statusCode();
            boolean retryAfter = r.headers().firstValue("Retry-After").isPresent();
            if (kind.equals("graphql") && status == 200 && r.body().contains("\"errors\"")) {
                int codes = r.body().split("\"code\"", -1).length - 1;
                int unavailable = r.body().split("\"SERVICE_UNAVAILABLE\"", -1).length - 1;
                boolean onlyUnavailable = codes > 0 && codes == unavailable;
                status = onlyUnavailable ? GRAPHQL_UNAVAILABLE : GRAPHQL_OTHER_ERROR;
                retryAfter = true;
            }
            o = new Outcome(kind, start, System.nanoTime(), status, retryAfter,
                    status >= 500 && status != 503 && status != GRAPHQL_UNAVAILABLE ? r.body() : null);
            if (key != null && o.success()) {
                Matcher m = ID.matcher(r.body());
                if (m.find()) {
                    acknowledged.put(key, m.group(1));
                }
            }
        } catch (HttpTimeoutException e) {
            o = new Outcome(kind, start, System.nanoTime(), -2, false, e.toString());
        } catch (IOException e) {
            o = new Outcome(kind, start, System.nanoTime(), -1, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = new Outcome(kind, start, System.nanoTime(), -1, false, e.toString());
        }
        outcomes.add(o);
        return o;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops starting new work; writers finish their current key (retrying) for at most {@code finish}. */
    void stop(Duration finish) throws InterruptedException {
        giveUpAt = System.nanoTime() + finish.toNanos();
        running = false;
        for (Thread t : threads) {
            t.join(finish.toMillis() + 35_000);
        }
    }

    List<Outcome> between(long fromNanos, long toNanos) {
        return outcomes.stream().filter(o -> o.startNanos() >= fromNanos && o.startNanos() < toNanos).toList();
    }

    /** Outcomes an HTTP caller must never see: a status other than 2xx/429/503, a 503/429 without Retry-After. */
    static List<Outcome> violations(List<Outcome> outcomes, boolean resetsAllowed) {
        return outcomes.stream().filter(o -> {
            if (o.status() < 0) {
                return !resetsAllowed;
            }
            if (!ALLOWED.contains(o.status())) {
                return true;
            }
            return (o.status() == 503 || o.status() == 429) && !o.retryAfter();
        }).toList();
    }

    /** Counts by status over these outcomes, e.g. {@code 201=340 503=12}. */
    static String histogram(List<Outcome> outcomes) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        for (Outcome o : outcomes) {
            counts.merge(o.status(), 1L, Long::sum);
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((status, count) -> sb.append(sb.length() == 0 ? "" : " ")
                .append(status == -1 ? "reset"
                        : status == -2 ? "timeout"
                                : status == GRAPHQL_UNAVAILABLE ? "gql-503"
                                        : status == GRAPHQL_OTHER_ERROR ? "gql-error" : status.toString())
                .append('=').append(count));
        return sb.toString();
    }

    /** Seconds from {@code liftNanos} until the last failed request (0 when none failed after it). */
    double recoverySeconds(long liftNanos) {
        long last = outcomes.stream().filter(o -> !o.success() && o.startNanos() >= liftNanos).mapToLong(Outcome::endNanos)
                .max().orElse(liftNanos);
        return Math.max(0, last - liftNanos) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        giveUpAt = System.nanoTime();
        for (Thread t : threads) {
            t.join(5000);
        }
    }
}
