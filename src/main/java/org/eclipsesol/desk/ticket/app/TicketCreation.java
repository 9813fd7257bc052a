package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.ticket.app.TicketChanged.What;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/** Opening tickets: by a client or staff (idempotent with a key), or from an e-mail. */
@ApplicationScoped
public class TicketCreation {

    private static final Instant EARLIEST_OPENED_AT = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    IdempotencyKeys keys;

    @Inject
    SlaPolicies policies;

    @Inject
    TicketSlaService sla;

    @Inject
    TicketViews views;

    @Inject
    Event<TicketChanged> changes;

    public record Created(TicketView ticket, boolean replayed) {
    }

    @Transactional
    public Created create(Caller caller, @Valid @NotNull TicketInput input, String idempotencyKey) {
        caller.requireTicketUser();
        boolean staff = caller.isStaff();
        if (!staff && (input.organizationId() != null || input.requesterEmail() != null || input.openedAt() != null)) {
            throw ProblemException.forbidden("organizationId, requesterEmail and openedAt may be set by staff only.");
        }
        Channel channel = input.channel() == null ? Channel.PORTAL : input.channel();
        if (!staff && channel != Channel.PORTAL && channel != Channel.MOBILE) {
            throw ProblemException.invalid("channel", "clients open tickets through PORTAL or MOBILE");
        }
        Instant now = clock.instant();
        Instant openedAt = input.openedAt() == null ? now : input.openedAt();
        org.eclipsesol.desk.common.Instants.inRange("openedAt", openedAt);
        if (openedAt.isAfter(now)) {
            throw ProblemException.invalid("openedAt", "must not be in the future");
        }
        if (openedAt.isBefore(EARLIEST_OPENED_AT)) {
            throw ProblemException.invalid("openedAt", "must be after 2000-01-01");
        }
        Opening opening;
        String requesterEmail;
        String requesterName;
        String requesterId;
        if (staff) {
            if (input.organizationId() == null) {
                throw ProblemException.invalid("organizationId", "is required when staff open a ticket");
            }
            if (input.requesterEmail() == null) {
                throw ProblemException.invalid("requesterEmail", "is required when staff open a ticket");
            }
            opening = withAgreementAndPolicy(input.organizationId(), openedAt);
            if (opening == null) {
                throw ProblemException.invalid("organizationId", "is not a known organization");
            }
            requesterEmail = input.requesterEmail().trim().toLowerCase();
            requesterName = null;
            requesterId = null;
        } else {
            opening = withAgreementAndPolicy(caller.organizationId(), openedAt);
            requesterEmail = caller.email();
            requesterName = caller.name();
            requesterId = caller.id();
        }

        IdempotencyKeys.Claim claim = keys.claim(caller, idempotencyKey, input, now);
        if (claim != null && claim.replayOf() != null) {
            return new Created(views.view(caller, access.visible(caller, claim.replayOf()), now), true);
        }
        TicketEntity ticket = insert(caller, opening.org(), opening.policyVersion(), requesterEmail, requesterName,
                requesterId, input, channel, openedAt, now);
        if (claim != null) {
            keys.bind(caller, claim, ticket.id);
        }
        return new Created(views.view(caller, ticket, now), false);
    }

    /**
     * Opens an EMAIL ticket for a known sender on behalf of the mail gateway (the intake has resolved the
     * sender's organization). The actor in the history is the gateway; the requester is the sender.
     */
    public TicketEntity openFromEmail(Caller gateway, OrganizationEntity org, String from, TicketInput input,
            Instant receivedAt) {
        Instant now = clock.instant();
        Instant openedAt = receivedAt == null || receivedAt.isAfter(now) ? now : receivedAt;
        return insert(gateway, org, policies.policyInForceAt(openedAt).version(), from, null, null, input, Channel.EMAIL,
                openedAt, now);
    }

    /** The organization a ticket is opened for, and the version of the SLA policy in force when it opens. */
    private record Opening(OrganizationEntity org, int policyVersion) {
    }

    /**
     * The organization with its agreement, and the version of the SLA policy in force at {@code openedAt}, in one
     * statement instead of two (opening a ticket is the hottest write); null for an unknown organization.
     */
    private Opening withAgreementAndPolicy(UUID organizationId, Instant openedAt) {
        List<Object[]> rows = em.createQuery("select o, (" + SlaPolicies.LATEST_VERSION_AT + ")"
                + " from OrganizationEntity o left join fetch o.coveredServices left join fetch o.targetOverrides"
                + " where o.id = :id", Object[].class).setParameter("id", organizationId).setParameter("at", openedAt)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return new Opening((OrganizationEntity) rows.get(0)[0], policies.inForce((Integer) rows.get(0)[1]).version());
    }

    private TicketEntity insert(Caller actor, OrganizationEntity org, int policyVersion, String requesterEmail,
            String requesterName, String requesterId, TicketInput input, Channel channel, Instant openedAt, Instant now) {
        TicketEntity ticket = new TicketEntity();
        ticket.id = UUID.randomUUID();
        ticket.organization = org;
        ticket.requesterEmail = requesterEmail;
        ticket.requesterName = requesterName;
        ticket.requesterId = requesterId;
        ticket.title = input.title().trim();
        ticket.description = input.description();
        ticket.errorMessage = input.errorMessage();
        ticket.stepsToReproduce = input.stepsToReproduce();
        ticket.priority = input.priority();
        ticket.service = input.service();
        ticket.category = input.category();
        ticket.channel = channel;
        ticket.status = TicketStatus.NEW;
        ticket.openedAt = openedAt;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.outOfScope = !org.covers(input.service());
        ticket.policyVersion = policyVersion;
        // Created at version 1 with its SLA columns derived before the first flush: one INSERT (RETURNING the
        // number) instead of an INSERT, a re-read and an UPDATE. A backdated ticket may already have reached an
        // SLA moment: its alert follows the CREATED event, as with any later change.
        ticket.version = 1;
        SlaEvaluation evaluation = sla.derive(ticket, now);
        ticket.persist();
        em.flush();
        history.record(ticket, actor, now, TicketEventType.CREATED, null, null, TicketStatus.NEW,
                "channel " + channel
                        + (ticket.outOfScope ? "; service not covered by the agreement: out of scope, billable" : ""),
                false);
        sla.raiseReached(ticket, evaluation, now);
        changes.fire(new TicketChanged(ticket.id, org.id, What.CREATED));
        return ticket;
    }
}
