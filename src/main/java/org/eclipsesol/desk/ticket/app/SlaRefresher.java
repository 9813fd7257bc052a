package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipsesol.desk.customer.app.AgreementChanged;
import org.eclipsesol.desk.sla.app.HolidaysChanged;
import org.eclipsesol.desk.ticket.app.TicketChanged.What;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * Keeps the stored SLA columns of open tickets true when what they are derived from changes under them: the
 * holidays (every ticket) or an organization's agreement (its tickets). Runs in the transaction of the edit.
 */
@ApplicationScoped
public class SlaRefresher {

    private static final int REFRESH_PAGE = 500;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketSlaService sla;

    @Inject
    Event<TicketChanged> changes;

    void onHolidays(@Observes HolidaysChanged change) {
        refreshUnfrozenTickets(null);
    }

    void onAgreement(@Observes AgreementChanged change) {
        refreshUnfrozenTickets(change.organizationId());
    }

    /**
     * Re-derives the stored SLA columns of every ticket whose figures are not frozen (of one organization, or all
     * when {@code organizationId} is null), so filters, sorting and the monitor follow a holiday or agreement edit
     * at once. Closed and cancelled tickets keep the figures they were closed with. Rows are locked in id order
     * (no deadlock between two edits); a page at a time keeps the session small. Clears the persistence context.
     */
    public void refreshUnfrozenTickets(UUID organizationId) {
        Instant now = clock.instant();
        UUID after = null;
        List<TicketEntity> page;
        do {
            var query = em.createQuery("select t from TicketEntity t join fetch t.organization where t.slaFinal is null"
                    + (organizationId == null ? "" : " and t.organization.id = :org")
                    + (after == null ? "" : " and t.id > :after") + " order by t.id", TicketEntity.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(REFRESH_PAGE);
            if (organizationId != null) {
                query.setParameter("org", organizationId);
            }
            if (after != null) {
                query.setParameter("after", after);
            }
            page = query.getResultList();
            for (TicketEntity ticket : page) {
                if (sla.refresh(ticket, now)) {
                    changes.fire(new TicketChanged(ticket.id, ticket.organization.id, What.SLA));
                }
                after = ticket.id;
            }
            em.flush();
            em.clear();
        } while (page.size() == REFRESH_PAGE);
    }
}
