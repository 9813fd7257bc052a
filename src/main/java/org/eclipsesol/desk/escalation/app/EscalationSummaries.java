package org.eclipsesol.desk.escalation.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.catalog.EscalationStatus;
import org.eclipsesol.desk.escalation.data.EscalationEntity;
import org.eclipsesol.desk.ticket.app.EscalationSummary;
import org.eclipsesol.desk.ticket.app.OpenEscalations;

/** The open escalation a ticket view shows, for the ticket feature (which owns the interface). */
@ApplicationScoped
public class EscalationSummaries implements OpenEscalations {

    @Inject
    EntityManager em;

    @Override
    public Map<UUID, EscalationSummary> of(List<UUID> ticketIds) {
        Map<UUID, EscalationSummary> result = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return result;
        }
        List<EscalationEntity> open = em.createQuery(
                "select e from EscalationEntity e where e.ticketId in :ids and e.status <> :closed order by e.raisedAt",
                EscalationEntity.class).setParameter("ids", ticketIds).setParameter("closed", EscalationStatus.CLOSED)
                .getResultList();
        for (EscalationEntity e : open) {
            result.put(e.ticketId, new EscalationSummary(e.level, e.reason, e.source, e.raisedByName, e.raisedAt, e.status));
        }
        return result;
    }
}
