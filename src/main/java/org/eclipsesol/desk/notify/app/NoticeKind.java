package org.eclipsesol.desk.notify.app;

/** Every e-mail notice Support Desk sends (docs/notifications.md lists trigger and recipients of each). */
public enum NoticeKind {
    /** Requester: a new ticket (any channel): number, title, response due time, how to reply. */
    ACKNOWLEDGEMENT(Audience.REQUESTER, true),
    /** Requester: a public comment by staff. */
    STAFF_COMMENT(Audience.REQUESTER, false),
    /** Requester: the ticket waits for their input. */
    WAITING_ON_CLIENT(Audience.REQUESTER, true),
    /** Requester: resolved; how to confirm or reopen within 7 days. */
    RESOLVED(Audience.REQUESTER, false),
    /** Requester: closed automatically after the reopen window. */
    AUTO_CLOSED(Audience.REQUESTER, false),
    /** Requester: a supervisor acknowledged the ticket's escalation. */
    ESCALATION_ACKNOWLEDGED(Audience.REQUESTER, false),
    /** Assignee: the ticket was assigned to them (by someone else). */
    ASSIGNED(Audience.STAFF, false),
    /** Assignee: the client commented. */
    CLIENT_COMMENT(Audience.STAFF, false),
    /** The technicians' queue: a new unassigned CRITICAL ticket outside business hours. */
    AFTER_HOURS_CRITICAL(Audience.QUEUE, false),
    /** Supervisors: a ticket was escalated. */
    ESCALATION_RAISED(Audience.SUPERVISORS, false),
    /** Supervisors: a target turned AT_RISK or BREACHED. */
    SLA_ALERT(Audience.SUPERVISORS, false),
    /** Supervisors: a webhook endpoint was disabled after failing too often. */
    WEBHOOK_DISABLED(Audience.SUPERVISORS, false);

    /** Who receives a kind. */
    public enum Audience {
        REQUESTER,
        STAFF,
        QUEUE,
        SUPERVISORS
    }

    private final Audience audience;
    private final boolean essentialForEmailTickets;

    NoticeKind(Audience audience, boolean essentialForEmailTickets) {
        this.audience = audience;
        this.essentialForEmailTickets = essentialForEmailTickets;
    }

    public Audience audience() {
        return audience;
    }

    /** A person may switch this kind off (group addresses cannot; see {@link #essentialForEmailTickets()}). */
    public boolean optional() {
        return audience == Audience.REQUESTER || audience == Audience.STAFF;
    }

    /** Sent even to someone who opted out, when the ticket came by e-mail (their only channel). */
    public boolean essentialForEmailTickets() {
        return essentialForEmailTickets;
    }

    /** The template base name under {@code templates/notices/}. */
    public String template() {
        return name().toLowerCase();
    }
}
