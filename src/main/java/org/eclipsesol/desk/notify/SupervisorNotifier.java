package org.eclipsesol.desk.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipsesol.desk.escalation.app.EscalationRaised;
import org.eclipsesol.desk.sla.app.SlaAlertRaised;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts escalations and SLA alerts as metrics once their transaction committed. The supervisors' e-mails about them
 * are outbox rows written in that transaction ({@code notify.app.Notices}), delivered by the outbox worker.
 */
@ApplicationScoped
public class SupervisorNotifier {

    @Inject
    MeterRegistry metrics;

    void onEscalation(@Observes(during = TransactionPhase.AFTER_SUCCESS) EscalationRaised e) {
        metrics.counter("desk.escalations", "source", e.source().name()).increment();
    }

    void onSlaAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaAlertRaised a) {
        metrics.counter("desk.sla.alerts", "target", a.target().name(), "kind", a.kind().name()).increment();
    }
}
