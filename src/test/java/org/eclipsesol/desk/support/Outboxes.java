package org.eclipsesol.desk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipsesol.desk.notify.app.NotificationWorker;

import io.quarkus.arc.Arc;

/** Drives the outbox worker deterministically, and reads what the SMTP server received. */
public final class Outboxes {

    private Outboxes() {
    }

    public static NotificationWorker worker() {
        return Arc.container().instance(NotificationWorker.class).get();
    }

    /**
     * Runs the worker until no row of the ticket is PENDING. A row the scheduled run is delivering at that moment
     * is locked (skipped); a row waiting for its retry is made due by moving the test clock past the backoff.
     */
    public static void drain(String ticketId) {
        UUID id = UUID.fromString(ticketId);
        for (int i = 0; i < 40; i++) {
            worker().runOnce();
            if (pending(id) == 0) {
                return;
            }
            // Wait for a concurrent run (the scheduled one) that holds some of them: FOR UPDATE waits for its commit.
            Db.rows("select seq from notification where ticket_id = ? and status = 'PENDING' for update", id);
            if (pending(id) == 0) {
                return;
            }
            TestClock.advance(Duration.ofMinutes(70));
        }
        assertThat(pending(id)).as("rows of %s still PENDING", ticketId).isZero();
    }

    public static long pending(UUID ticketId) {
        return Db.count("select count(*) from notification where ticket_id = ? and status = 'PENDING'", ticketId);
    }

    /** Messages the SMTP server received for {@code to} about ticket {@code number}, in arrival order. */
    public static List<MimeMessage> mailsTo(String to, String number) {
        return Arrays.stream(SmtpServer.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
                        && m.getSubject() != null && m.getSubject().contains("[" + number + "]");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String allHeaders(MimeMessage m) {
        try {
            StringBuilder s = new StringBuilder();
            for (Header h : java.util.Collections.list(m.getAllHeaders())) {
                s.append(h.getName()).append(": ").append(h.getValue()).append('\n');
            }
            return s.toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole raw message (headers, text and HTML parts). */
    public static String raw(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
