package org.eclipsesol.desk.notify.app;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.notify.data.NotificationEntity;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Sends one e-mail notice: plain text and HTML, our Message-ID, the ticket's thread (In-Reply-To, References),
 * Reply-To the support address and {@code Auto-Submitted: auto-replied} (RFC 3834: auto-responders must not answer).
 */
@ApplicationScoped
public class MailDelivery {

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    ReactiveMailer mailer;

    @Inject
    NoticeRenderer renderer;

    @Inject
    DeskConfig config;

    void send(NotificationEntity n) {
        NoticeRenderer.Rendered body = renderer.render(n);
        Mail mail = Mail.withText(n.recipient, n.subject, body.text()).setHtml(body.html())
                .setReplyTo(config.notifications().replyTo());
        mail.addHeader("Message-ID", n.messageId);
        if (n.inReplyTo != null) {
            mail.addHeader("In-Reply-To", n.inReplyTo);
            mail.addHeader("References", n.refs);
        }
        mail.addHeader("Auto-Submitted", "auto-replied");
        mailer.send(mail).await().atMost(SEND_TIMEOUT);
    }
}
