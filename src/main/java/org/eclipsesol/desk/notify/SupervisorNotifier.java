package org.eclipsesol.desk.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.escalation.app.EscalationRaised;
import org.eclipsesol.desk.sla.app.SlaAlertRaised;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Tells supervisors about escalations and SLA alerts by e-mail, and counts the alerts as metrics.
 * Runs after the transaction commits, so nobody is told about something that was rolled back.
 */
@ApplicationScoped
public class SupervisorNotifier {

    private static final Logger LOG = Logger.getLogger(SupervisorNotifier.class);

    @Inject
    ReactiveMailer mailer;

    @Inject
    MeterRegistry metrics;

    @Inject
    DeskConfig config;

    void onEscalation(@Observes(during = TransactionPhase.AFTER_SUCCESS) EscalationRaised e) {
        metrics.counter("desk.escalations", "source", e.source().name()).increment();
        send("[" + e.ticketNumber() + "] escalated (level " + e.level() + ")",
                "Ticket " + e.ticketNumber() + " was escalated (" + e.source() + "): " + e.reason());
    }

    void onSlaAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaAlertRaised a) {
        metrics.counter("desk.sla.alerts", "target", a.target().name(), "kind", a.kind().name()).increment();
        send("[" + a.ticketNumber() + "] " + a.target().name().toLowerCase() + " target " + a.kind(),
                "Ticket " + a.ticketNumber() + ": the " + a.target().name().toLowerCase() + " target is " + a.kind()
                        + " (due " + a.dueAt() + ").");
    }

    private void send(String subject, String text) {
        mailer.send(Mail.withText(config.notifications().supervisors(), subject, text)).subscribe().with(ok -> {
        }, failure -> LOG.warnf("Could not send notification '%s': %s", subject, failure.getMessage()));
    }
}
