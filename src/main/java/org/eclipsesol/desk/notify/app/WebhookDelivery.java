package org.eclipsesol.desk.notify.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.notify.data.NotificationEntity;
import org.eclipsesol.desk.notify.data.WebhookEntity;
import org.eclipsesol.desk.ticket.app.CommentView;
import org.eclipsesol.desk.ticket.app.TicketViews;
import org.eclipsesol.desk.ticket.data.CommentEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivers one webhook event per the Standard Webhooks conventions: {@code webhook-id} (the event id, the same on
 * every retry), {@code webhook-timestamp} (seconds), {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">} keyed with the secret's bytes (the base64 after {@code whsec_}). The body is fixed at the
 * first attempt, so retries carry the same bytes. No redirects, a short time-out, and no loopback or private targets
 * unless {@code desk.webhooks.allow-private-targets}.
 */
@ApplicationScoped
public class WebhookDelivery {

    @Inject
    Clock clock;

    @Inject
    ReplicaCaches caches;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TicketViews views;

    @Inject
    Outbox outbox;

    @Inject
    DeskConfig config;

    private volatile HttpClient client;

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(config.webhooks().timeout()).build();
            client = c;
        }
        return c;
    }

    /** Throws with the reason when the delivery failed. */
    void send(NotificationEntity n) throws IOException, InterruptedException {
        WebhookEntity w = n.webhookId == null ? null : em.find(WebhookEntity.class, n.webhookId);
        if (w == null || !w.enabled) {
            throw new EndpointGone(w == null ? "the endpoint was deleted" : "the endpoint is disabled");
        }
        if (n.payload == null) {
            n.payload = body(n);
        }
        URI uri = URI.create(w.url);
        checkTarget(uri, config.webhooks().allowPrivateTargets());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.webhooks().timeout())
                .header("content-type", "application/json").header("user-agent", "SupportDesk-Webhooks/1")
                .header("webhook-id", n.ref).header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + sign(w.secret, n.ref, timestamp, n.payload))
                .POST(HttpRequest.BodyPublishers.ofString(n.payload, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new IOException("HTTP " + response.statusCode());
        }
    }

    /** {"id", "type", "occurredAt", "data": {"ticket", "change"?, "comment"?}}: the ticket as staff see it. */
    String body(NotificationEntity n) {
        Map<String, String> params = new HashMap<>(outbox.params(n));
        ObjectNode root = json.createObjectNode();
        root.put("id", n.ref);
        root.put("type", n.kind);
        root.put("occurredAt", params.getOrDefault("occurredAt", n.createdAt.toString()));
        ObjectNode data = root.putObject("data");
        TicketEntity ticket = em.find(TicketEntity.class, n.ticketId);
        if (ticket != null) {
            data.set("ticket", json.valueToTree(views.view(null, ticket, clock.instant())));
        }
        String commentId = params.remove("commentId");
        if (commentId != null) {
            CommentEntity c = em.find(CommentEntity.class, UUID.fromString(commentId));
            if (c != null && !c.internal) {
                data.set("comment", json.valueToTree(new CommentView(c.id, c.ticketId,
                        new org.eclipsesol.desk.ticket.app.PersonView(c.authorId, c.authorName, null), c.authorStaff,
                        c.body, false, c.createdAt)));
            }
        }
        params.remove("occurredAt");
        params.remove("actor");
        if (!params.isEmpty()) {
            data.set("change", json.valueToTree(params));
        }
        return root.toString();
    }

    /** Base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the bytes the secret's base64 encodes. */
    public static String sign(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretBytes(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] secretBytes(String secret) {
        return Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
    }

    /** Refuses non-HTTP(S) URLs and, unless allowed, hosts that resolve to loopback, private or link-local addresses. */
    public static void checkTarget(URI uri, boolean allowPrivate) throws IOException {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.getHost() == null) {
            throw new TargetRefused("only http(s) URLs with a host");
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new TargetRefused("unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw new TargetRefused(uri.getHost() + " is a loopback or private address");
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 198 && (second == 18 || second == 19)) || first >= 224;
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    /** The target is not allowed. */
    public static class TargetRefused extends IOException {
        public TargetRefused(String message) {
            super(message);
        }
    }

    /** The endpoint no longer takes deliveries: the row fails at once. */
    static class EndpointGone extends IOException {
        EndpointGone(String message) {
            super(message);
        }
    }

    /** Called after every attempt; counts failures in a row and disables the endpoint after too many. */
    boolean recordOutcome(NotificationEntity n, boolean success) {
        if (n.webhookId == null) {
            return false;
        }
        if (success) {
            em.createNativeQuery("update webhook set consecutive_failures = 0 where id = :id").setParameter("id", n.webhookId)
                    .executeUpdate();
            return false;
        }
        Number failures = (Number) em.createNativeQuery(
                "update webhook set consecutive_failures = consecutive_failures + 1 where id = :id returning consecutive_failures")
                .setParameter("id", n.webhookId).getResultList().stream().findFirst().orElse(0);
        if (failures.intValue() < config.webhooks().disableAfterFailures()) {
            return false;
        }
        Instant now = clock.instant();
        int disabled = em.createNativeQuery(
                "update webhook set enabled = false, disabled_at = :now where id = :id and enabled = true")
                .setParameter("now", now).setParameter("id", n.webhookId).executeUpdate();
        if (disabled == 1) {
            caches.changed(WebhookPublisher.CACHE);
            Map<String, String> params = new HashMap<>();
            params.put("detail", "The webhook endpoint " + n.recipient + " (" + n.webhookId + ") was disabled after "
                    + failures.intValue() + " failed deliveries in a row (last error: " + n.lastError + ").");
            outbox.email(NoticeKind.WEBHOOK_DISABLED, config.notifications().supervisors(), null,
                    "Webhook disabled: " + n.recipient, n.webhookId.toString(), params);
            return true;
        }
        return false;
    }
}
