package org.eclipsesol.desk.ticket.app;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.AttachmentEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/** Screenshots and logs attached to tickets: at most 10 MiB each, allow-listed content types. */
@ApplicationScoped
public class AttachmentService {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final Set<String> ALLOWED_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "text/csv", "application/json", "application/zip", "application/x-zip-compressed");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    Event<TicketChanged> changes;

    @Inject
    org.eclipsesol.desk.common.DeskConfig config;

    public List<AttachmentView> list(Caller caller, UUID ticketId) {
        TicketEntity ticket = access.visible(caller, ticketId);
        return listOf(List.of(ticket.id)).getOrDefault(ticket.id, List.of());
    }

    /** Like {@link #listOf(List)}, for the tickets among {@code ticketIds} that the caller may see. */
    public Map<UUID, List<AttachmentView>> listOf(Caller caller, List<UUID> ticketIds) {
        Set<UUID> visible = access.visibleIds(caller, ticketIds);
        return visible.isEmpty() ? Map.of() : listOf(List.copyOf(visible));
    }

    /** Metadata of several tickets' attachments in one statement; the bytes are not read. */
    public Map<UUID, List<AttachmentView>> listOf(List<UUID> ticketIds) {
        List<Object[]> rows = em.createQuery("""
                select a.id, a.ticketId, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy, a.createdAt
                from AttachmentEntity a where a.ticketId in :ids order by a.createdAt, a.id
                """, Object[].class).setParameter("ids", ticketIds).getResultList();
        Map<UUID, List<AttachmentView>> result = new HashMap<>();
        for (Object[] r : rows) {
            UUID ticketId = (UUID) r[1];
            result.computeIfAbsent(ticketId, k -> new ArrayList<>()).add(new AttachmentView((UUID) r[0], ticketId,
                    (String) r[2], (String) r[3], (Long) r[4], (String) r[5], (String) r[6], (Instant) r[7],
                    downloadUrl(ticketId, (UUID) r[0])));
        }
        return result;
    }

    static String downloadUrl(UUID ticketId, UUID attachmentId) {
        return "/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId;
    }

    @Transactional
    public AttachmentView upload(Caller caller, UUID ticketId, String fileName, String contentType, byte[] data) {
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        if (ticket.status.isFinal()) {
            throw ProblemException.conflict("A " + ticket.status + " ticket takes no more attachments.");
        }
        if (data == null || data.length == 0) {
            throw ProblemException.invalid("file", "must be a non-empty file");
        }
        if (data.length > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "An attachment may be at most 10 MiB.");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        if (!ALLOWED_TYPES.contains(type)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Attachments may be of these types: " + String.join(", ", new TreeSet<>(ALLOWED_TYPES)) + ".");
        }
        if (!contentMatches(type, data)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The file's content is not " + type + ".");
        }
        Instant now = clock.instant();
        checkQuotas(ticket, data.length, now);
        AttachmentEntity a = new AttachmentEntity();
        a.id = UUID.randomUUID();
        a.ticketId = ticket.id;
        a.fileName = safeName(fileName);
        a.contentType = type;
        a.sizeBytes = data.length;
        a.sha256 = sha256(data);
        a.data = data;
        a.uploadedBy = caller.id();
        a.createdAt = now;
        a.persist();
        history.record(ticket, caller, now, TicketEventType.ATTACHMENT_ADDED, null, null, a.fileName, a.id.toString(), false);
        ticket.updatedAt = now;
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, TicketChanged.What.ATTACHMENT_ADDED));
        return new AttachmentView(a.id, a.ticketId, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy,
                a.createdAt, downloadUrl(a.ticketId, a.id));
    }

    /**
     * At most {@code desk.quotas.attachments-per-ticket} files on a ticket (409: no retry helps), and at most
     * {@code desk.quotas.attachment-bytes-per-organization-per-day} bytes per organization per UTC day (429 until
     * midnight UTC). The day's counter moves in the upload's transaction, in one statement that refuses to pass the
     * quota, so concurrent uploads cannot overshoot it together.
     */
    private void checkQuotas(TicketEntity ticket, long bytes, Instant now) {
        int perTicket = config.quotas().attachmentsPerTicket();
        if (AttachmentEntity.count("ticketId", ticket.id) >= perTicket) {
            throw ProblemException.conflict("A ticket may have at most " + perTicket + " attachments.");
        }
        long max = config.quotas().attachmentBytesPerOrganizationPerDay().asLongValue();
        java.time.LocalDate day = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        int counted = bytes > max
                ? 0
                : em.createNativeQuery("""
                        insert into organization_upload_day as u (organization_id, day, bytes) values (:org, :day, :bytes)
                        on conflict (organization_id, day) do update set bytes = u.bytes + excluded.bytes
                         where u.bytes + excluded.bytes <= :max
                        """).setParameter("org", ticket.organization.id).setParameter("day", day).setParameter("bytes", bytes)
                        .setParameter("max", max).executeUpdate();
        if (counted == 0) {
            long untilMidnight = java.time.Duration.between(now, day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC))
                    .toSeconds();
            throw new org.eclipsesol.desk.limits.app.RateLimitedException("Your organization has uploaded its "
                    + max / (1024 * 1024) + " MiB of attachments for today (UTC).", untilMidnight, null);
        }
    }

    public AttachmentContent download(Caller caller, UUID ticketId, UUID attachmentId) {
        TicketEntity ticket = access.visible(caller, ticketId);
        AttachmentEntity a = AttachmentEntity.findById(attachmentId);
        if (a == null || !a.ticketId.equals(ticket.id)) {
            throw ProblemException.notFound("Attachment " + attachmentId);
        }
        return new AttachmentContent(a.fileName, a.contentType, a.data);
    }

    /** Magic-number check for binary types, so a declared image or PDF really is one. */
    static boolean contentMatches(String type, byte[] d) {
        return switch (type) {
            case "image/png" -> starts(d, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> starts(d, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> starts(d, 'G', 'I', 'F', '8');
            case "image/webp" -> starts(d, 'R', 'I', 'F', 'F') && d.length > 12 && d[8] == 'W' && d[9] == 'E';
            case "application/pdf" -> starts(d, '%', 'P', 'D', 'F');
            case "application/zip", "application/x-zip-compressed" -> starts(d, 'P', 'K');
            default -> true;
        };
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the last path segment and printable characters only: the name is shown and sent back in headers. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (base.isEmpty()) {
            base = "attachment";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
