package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.ticket.data.TicketEntity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Derives the stored decided SLA figures (V10) of tickets written before they existed (or bulk-loaded without
 * them): batches of rows with {@code sla_figures_version = 0}, claimed with FOR UPDATE SKIP LOCKED (safe with several
 * replicas), each updated in place without touching the row version (no ETag changes). Until a row is done the SLA
 * report evaluates it live, so reports are right while the backfill runs.
 */
@ApplicationScoped
public class SlaFiguresBackfill {

    static final int BATCH = 50;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketSlaService sla;

    @Scheduled(every = "${desk.sla.figures-backfill-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void scheduled() {
        runOnce();
    }

    /** Backfills every row still without figures; returns how many rows were done. */
    public int runOnce() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::processBatch);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    int processBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from ticket where sla_figures_version = 0 limit :batch for update skip locked
                """).setParameter("batch", BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<TicketEntity> tickets = em.createQuery("select t from TicketEntity t join fetch t.organization where t.id in :ids",
                TicketEntity.class).setParameter("ids", ids).getResultList();
        var update = em.createNativeQuery(
                """
                        update ticket set sla_figures_version = 1,
                            sla_response_on_time = cast(:rOnTime as boolean), sla_response_met_at = cast(:rMetAt as timestamptz),
                            sla_response_elapsed_us = cast(:rElapsed as bigint), sla_response_calendar_us = cast(:rCalendar as bigint),
                            sla_resolution_on_time = cast(:sOnTime as boolean), sla_resolution_met_at = cast(:sMetAt as timestamptz),
                            sla_resolution_elapsed_us = cast(:sElapsed as bigint), sla_resolution_calendar_us = cast(:sCalendar as bigint),
                            reopen_count = :reopens
                        where id = :id
                        """);
        for (TicketEntity ticket : tickets) {
            em.detach(ticket);
            sla.backfillFigures(ticket, now);
            update.setParameter("id", ticket.id)
                    .setParameter("rOnTime", ticket.slaResponseOnTime)
                    .setParameter("rMetAt", ticket.slaResponseMetAt)
                    .setParameter("rElapsed", ticket.slaResponseElapsedMicros)
                    .setParameter("rCalendar", ticket.slaResponseCalendarMicros)
                    .setParameter("sOnTime", ticket.slaResolutionOnTime)
                    .setParameter("sMetAt", ticket.slaResolutionMetAt)
                    .setParameter("sElapsed", ticket.slaResolutionElapsedMicros)
                    .setParameter("sCalendar", ticket.slaResolutionCalendarMicros)
                    .setParameter("reopens", ticket.reopenCount)
                    .executeUpdate();
        }
        return ids.size();
    }
}
