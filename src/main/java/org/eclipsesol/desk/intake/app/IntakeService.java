package org.eclipsesol.desk.intake.app;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.common.Instants;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.escalation.app.EscalationService;
import org.eclipsesol.desk.limits.app.RateLimiter;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.OrganizationDirectory;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.security.Role;
import org.eclipsesol.desk.ticket.app.CommentInput;
import org.eclipsesol.desk.ticket.app.CommentService;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketCreation;
import org.eclipsesol.desk.ticket.app.TicketInput;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * Inbound e-mail from the mail gateway. A known sender's new message opens an EMAIL ticket; a subject with a
 * ticket reference ([T-10042]) comments on that ticket; ESCALATE with a reference escalates it; a message id
 * seen before changes nothing; an unknown sender changes nothing and is refused (422).
 */
@ApplicationScoped
public class IntakeService {

    private static final Pattern REFERENCE = Pattern.compile("\\[T-(\\d{1,18})]");
    /** Our notices' Message-IDs: {@code <uuid.T-10042@domain>} (notify.app.Outbox). */
    private static final Pattern NOTICE_ID = Pattern.compile("^<[0-9a-f-]{36}\\.T-(\\d{1,18})@([^<>@\\s]+)>$");
    /**
     * ESCALATE as the subject's first word, after any reply/forward prefixes (Re:, Fwd:, Fw:, AW:, WG:) and the
     * ticket reference: "Re: [T-10042] ESCALATE printer" escalates, "no need to escalate" does not.
     */
    private static final Pattern ESCALATE = Pattern.compile(
            "^\\s*(?:(?:re|fwd?|aw|wg|tr)\\s*:\\s*|\\[T-\\d{1,18}]\\s*)*ESCALATE\\b", Pattern.CASE_INSENSITIVE);
    /** The longest address the columns hold (requester_email, sender: varchar(320), RFC 5321's limit). */
    static final int MAX_ADDRESS = 320;
    private static final Pattern ADDRESS = Pattern.compile("^\\s*(?:\"?([^\"<]*)\"?\\s*)?<([^<>\\s]+@[^<>\\s]+)>\\s*$");
    private static final Pattern BARE = Pattern.compile("^\\s*([^<>\\s]+@[^<>\\s]+\\.[^<>\\s]+)\\s*$");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    OrganizationDirectory directory;

    @Inject
    TicketCreation tickets;

    @Inject
    CommentService comments;

    @Inject
    EscalationService escalations;

    @Inject
    TicketAccess access;

    @Inject
    RateLimiter limiter;

    @Inject
    org.eclipsesol.desk.common.DeskConfig config;

    @Transactional
    public IntakeResult receive(Caller gateway, @Valid @NotNull EmailInput mail) {
        if (!gateway.has(Role.MAIL_GATEWAY)) {
            throw ProblemException.forbidden("Only the mail gateway may post inbound e-mail.");
        }
        if (isAutomatic(mail.autoSubmitted())) {
            // Auto-replies and bounces never act: answering them is how mail loops start.
            return new IntakeResult(IntakeResult.IGNORED, null, null, false);
        }
        if (!Boolean.TRUE.equals(mail.authenticated())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The message did not pass the gateway's sender authentication (SPF/DKIM/DMARC); nothing was done.");
        }
        String[] sender = parseSender(mail.from());
        String address = sender[1];
        if (address.length() > MAX_ADDRESS || (sender[0] != null && sender[0].length() > 200)) {
            throw ProblemException.invalid("from", "the address may have at most " + MAX_ADDRESS
                    + " characters and the name at most 200");
        }
        Instants.inRange("receivedAt", mail.receivedAt());
        limiter.require("intake-sender", address, "Too many messages from " + address + ".");
        OrganizationRef org = directory.organizationOf(address);
        if (org == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "Unknown sender: " + address + " belongs to no client organization; nothing was done.");
        }
        Instant now = clock.instant();
        Instant receivedAt = mail.receivedAt() == null ? now : mail.receivedAt();
        int claimed = em.createNativeQuery("""
                insert into intake_message (message_id, sender, received_at, outcome, created_at)
                values (:id, :sender, :received, 'PENDING', :now) on conflict do nothing
                """).setParameter("id", mail.messageId().trim()).setParameter("sender", address)
                .setParameter("received", receivedAt).setParameter("now", now).executeUpdate();
        if (claimed == 0) {
            return previous(mail.messageId().trim());
        }
        Caller client = new Caller("mailto:" + address, sender[0], address, EnumSet.of(Role.CLIENT), org);
        String subject = mail.subject() == null ? "" : mail.subject().trim();
        String text = mail.text() == null || mail.text().isBlank() ? "(empty message)" : mail.text();
        Matcher reference = REFERENCE.matcher(subject);
        Long threaded = threadedTicket(mail);
        IntakeResult result;
        if (threaded != null || reference.find()) {
            TicketEntity ticket = byNumber(client, threaded != null ? threaded : Long.parseLong(reference.group(1)));
            if (ESCALATE.matcher(subject).find()) {
                escalations.raise(access.forUpdate(client, ticket.id), client, reason(subject, text), EscalationSource.EMAIL,
                        now);
                result = new IntakeResult("ESCALATED", ticket.id, ticket.displayNumber(), false);
            } else {
                comments.add(client, ticket.id, new CommentInput(text, false));
                result = new IntakeResult("COMMENT_ADDED", ticket.id, ticket.displayNumber(), false);
            }
        } else if (ESCALATE.matcher(subject).find()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "ESCALATE needs a ticket reference such as [T-10042] in the subject; nothing was done.");
        } else {
            String title = subject.isEmpty() ? "(no subject)" : subject.length() > 200 ? subject.substring(0, 200) : subject;
            TicketInput input = new TicketInput(title, text, Priority.MEDIUM, ServiceLine.MANAGED_IT,
                    Category.TECHNICAL_ASSISTANCE, null, null, null, null, null, null);
            OrganizationEntity organization = OrganizationEntity.findById(org.id());
            TicketEntity ticket = tickets.openFromEmail(gateway, organization, address, input, receivedAt);
            result = new IntakeResult("TICKET_OPENED", ticket.id, ticket.displayNumber(), false);
        }
        em.createNativeQuery("update intake_message set outcome = :outcome, ticket_id = :ticket where message_id = :id")
                .setParameter("outcome", result.outcome()).setParameter("ticket", result.ticketId())
                .setParameter("id", mail.messageId().trim()).executeUpdate();
        return result;
    }

    /**
     * The ticket a reply threads to by its In-Reply-To, then its References (newest first): the first of our own
     * notice ids ({@code <uuid.T-n@our-domain>}) found. Null when none is ours; the subject's [T-n] decides then.
     */
    private Long threadedTicket(EmailInput mail) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo().trim());
        }
        if (mail.references() != null) {
            java.util.List<String> refs = new java.util.ArrayList<>(mail.references());
            java.util.Collections.reverse(refs);
            refs.stream().filter(java.util.Objects::nonNull).map(String::trim).forEach(ids::add);
        }
        for (String id : ids) {
            Matcher m = NOTICE_ID.matcher(id);
            if (m.matches() && m.group(2).equalsIgnoreCase(config.notifications().messageIdDomain())) {
                return Long.parseLong(m.group(1));
            }
        }
        return null;
    }

    /** RFC 3834: a missing header or "no" means a person wrote it; anything else was sent automatically. */
    static boolean isAutomatic(String autoSubmitted) {
        if (autoSubmitted == null || autoSubmitted.isBlank()) {
            return false;
        }
        String value = autoSubmitted.split(";")[0].trim();
        return !value.equalsIgnoreCase("no");
    }

    private IntakeResult previous(String messageId) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select m.outcome, m.ticket_id, t.number from intake_message m left join ticket t on t.id = m.ticket_id"
                        + " where m.message_id = :id")
                .setParameter("id", messageId).getSingleResult();
        Number number = (Number) row[2];
        return new IntakeResult((String) row[0], (UUID) row[1], number == null ? null : "T-" + number, true);
    }

    /** The referenced ticket, if the sender's organization may see it; otherwise a refusal that changes nothing. */
    private TicketEntity byNumber(Caller client, long number) {
        try {
            return access.visibleByNumber(client, "T-" + number);
        } catch (ProblemException notVisible) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "The subject refers to T-" + number
                            + ", which is not a ticket of the sender's organization; nothing was done.");
        }
    }

    private static String reason(String subject, String text) {
        String reason = (subject + "\n" + text).trim();
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    /** "Ana <ana@acme.example>" or "ana@acme.example" to {name, address}. */
    static String[] parseSender(String from) {
        Matcher named = ADDRESS.matcher(from);
        if (named.matches()) {
            String name = named.group(1) == null || named.group(1).isBlank() ? null : named.group(1).trim();
            return new String[] { name, named.group(2).toLowerCase() };
        }
        Matcher bare = BARE.matcher(from);
        if (bare.matches()) {
            return new String[] { null, bare.group(1).toLowerCase() };
        }
        throw ProblemException.invalid("from", "must be an e-mail address, optionally as 'Name <address>'");
    }
}
