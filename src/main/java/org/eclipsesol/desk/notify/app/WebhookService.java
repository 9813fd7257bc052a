package org.eclipsesol.desk.notify.app;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.notify.data.NotificationEntity;
import org.eclipsesol.desk.notify.data.WebhookEntity;
import org.eclipsesol.desk.security.Caller;

/** Webhook endpoints for supervisors: register, list, read, delete, rotate the secret, deliveries, redelivery. */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    ReplicaCaches caches;

    @Inject
    DeskConfig config;

    @Inject
    NotificationService notifications;

    @Transactional
    public WebhookView register(Caller caller, @Valid @NotNull WebhookInput input) {
        caller.requireSupervisor();
        URI uri;
        try {
            uri = URI.create(input.url().trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        try {
            WebhookDelivery.checkTarget(uri, config.webhooks().allowPrivateTargets());
        } catch (IOException refused) {
            throw ProblemException.invalid("url", refused.getMessage());
        }
        Set<String> events = new LinkedHashSet<>();
        for (String type : input.events()) {
            if (type == null || WebhookEvent.of(type).isEmpty()) {
                throw ProblemException.invalid("events", "unknown event type " + type);
            }
            events.add(type);
        }
        if (input.organizationId() != null && OrganizationEntity.findById(input.organizationId()) == null) {
            throw ProblemException.invalid("organizationId", "is not a known organization");
        }
        WebhookEntity w = new WebhookEntity();
        w.id = UUID.randomUUID();
        w.url = uri.toString();
        w.events = String.join(",", events);
        w.organizationId = input.organizationId();
        w.enabled = true;
        w.secret = newSecret();
        w.createdBy = caller.id();
        w.createdAt = clock.instant();
        w.persist();
        caches.changed(WebhookPublisher.CACHE);
        return view(w, true);
    }

    public List<WebhookView> list(Caller caller) {
        caller.requireSupervisor();
        return WebhookEntity.<WebhookEntity> list("order by createdAt").stream().map(w -> view(w, false)).toList();
    }

    public WebhookView get(Caller caller, UUID id) {
        caller.requireSupervisor();
        return view(find(id), false);
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.requireSupervisor();
        WebhookEntity w = find(id);
        NotificationEntity.update("status = ?1, lastError = ?2 where webhookId = ?3 and status = ?4",
                NotificationEntity.FAILED, "the endpoint was deleted", w.id, NotificationEntity.PENDING);
        w.delete();
        caches.changed(WebhookPublisher.CACHE);
    }

    /** A new secret (shown in this answer only); the old one stops signing at once. */
    @Transactional
    public WebhookView rotateSecret(Caller caller, UUID id) {
        caller.requireSupervisor();
        WebhookEntity w = find(id);
        w.secret = newSecret();
        return view(w, true);
    }

    /** The endpoint's deliveries, newest first. */
    public Page<NotificationView> deliveries(Caller caller, UUID id, String status, Integer limit, String cursor) {
        caller.requireSupervisor();
        find(id);
        return notifications.list(caller, status, NotificationEntity.WEBHOOK, null, id, limit, cursor);
    }

    /**
     * Delivers an event again: a new delivery with the same event id (webhook-id) and body, due now. The endpoint is
     * enabled again if it was disabled.
     */
    @Transactional
    public NotificationView redeliver(Caller caller, UUID id, UUID deliveryId) {
        caller.requireSupervisor();
        WebhookEntity w = find(id);
        NotificationEntity original = NotificationEntity.find("id", deliveryId).firstResult();
        if (original == null || !w.id.equals(original.webhookId)) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        if (!w.enabled) {
            w.enabled = true;
            w.disabledAt = null;
            w.consecutiveFailures = 0;
            caches.changed(WebhookPublisher.CACHE);
        }
        NotificationEntity again = new NotificationEntity();
        again.id = UUID.randomUUID();
        again.channel = NotificationEntity.WEBHOOK;
        again.kind = original.kind;
        again.recipient = w.url;
        again.subject = original.subject;
        again.ticketId = original.ticketId;
        again.webhookId = w.id;
        again.ref = original.ref;
        again.params = original.params;
        again.payload = original.payload;
        again.status = NotificationEntity.PENDING;
        again.createdAt = clock.instant();
        again.nextAttemptAt = again.createdAt;
        again.persist();
        return NotificationService.view(again);
    }

    private static WebhookEntity find(UUID id) {
        WebhookEntity w = WebhookEntity.findById(id);
        if (w == null) {
            throw ProblemException.notFound("Webhook " + id);
        }
        return w;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    static WebhookView view(WebhookEntity w, boolean withSecret) {
        return new WebhookView(w.id, w.url, w.eventList(), w.organizationId, w.enabled, w.consecutiveFailures,
                w.createdAt, w.disabledAt, withSecret ? w.secret : null);
    }
}
