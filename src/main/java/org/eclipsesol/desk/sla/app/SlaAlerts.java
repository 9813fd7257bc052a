package org.eclipsesol.desk.sla.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.TargetEvaluation;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.sla.engine.TargetStatus;

/**
 * AT_RISK and BREACHED alerts, exactly once per moment: which moments an evaluation has reached, and the claim
 * of each in the {@code sla_alert} table.
 */
@ApplicationScoped
public class SlaAlerts {

    /** A moment an evaluation has reached. */
    public record Due(TargetKind target, AlertKind kind, TargetEvaluation evaluation) {
    }

    @Inject
    EntityManager em;

    /** The moments {@code evaluation} has reached (a late breach is still a breach; a breach implies at-risk). */
    public static List<Due> reached(SlaEvaluation evaluation) {
        List<Due> due = new ArrayList<>();
        reached(due, TargetKind.RESPONSE, evaluation.response());
        reached(due, TargetKind.RESOLUTION, evaluation.resolution());
        return due;
    }

    private static void reached(List<Due> due, TargetKind target, TargetEvaluation e) {
        boolean breachedUnmet = e.status() == TargetStatus.BREACHED && e.metAt() == null;
        boolean breachedLate = e.status() == TargetStatus.BREACHED && e.metAt() != null;
        if (e.status() == TargetStatus.AT_RISK || breachedUnmet) {
            due.add(new Due(target, AlertKind.AT_RISK, e));
        }
        if (breachedUnmet || breachedLate) {
            due.add(new Due(target, AlertKind.BREACHED, e));
        }
    }

    /**
     * Claims the alert for the ticket; true only the first time. The primary key (ticket, target, kind, target
     * length) makes this exactly-once, whichever replica or request gets here first; a new target (priority change,
     * override) may alert again.
     */
    public boolean claim(UUID ticketId, Due due, Instant now) {
        return em.createNativeQuery("""
                insert into sla_alert (ticket_id, target, kind, target_seconds, fired_at)
                values (:ticket, :target, :kind, :seconds, :now) on conflict do nothing
                """)
                .setParameter("ticket", ticketId)
                .setParameter("target", due.target().name())
                .setParameter("kind", due.kind().name())
                .setParameter("seconds", due.evaluation().target().toSeconds())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
