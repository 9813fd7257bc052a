package org.eclipsesol.desk.notify.app;

import java.util.Arrays;
import java.util.Optional;

/** Webhook event types, spelt as in the contract. */
public enum WebhookEvent {
    TICKET_CREATED("ticket.created"),
    TICKET_UPDATED("ticket.updated"),
    TICKET_COMMENTED("ticket.commented"),
    TICKET_STATUS_CHANGED("ticket.status_changed"),
    SLA_AT_RISK("sla.at_risk"),
    SLA_BREACHED("sla.breached"),
    ESCALATION_RAISED("escalation.raised"),
    ESCALATION_ACKNOWLEDGED("escalation.acknowledged"),
    ESCALATION_CLOSED("escalation.closed");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEvent> of(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
