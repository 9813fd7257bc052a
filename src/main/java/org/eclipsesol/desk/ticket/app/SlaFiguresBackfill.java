package org.eclipsesol.desk.ticket.app;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Derives the stored decided SLA figures (V10, V10_3) of tickets written before they existed (or bulk-loaded without
 * them), and re-derives their SLA columns from the engine like a refresh (frozen tickets keep theirs): batches of rows with
 * {@code sla_figures_version = 0}, claimed with FOR UPDATE SKIP LOCKED (safe with several
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

    @Scheduled(every = "${desk.sla.figures-backfill-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        DatabaseFaults.runJob("SLA figures backfill", this::runOnce);
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

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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
                TicketEntity.class).setParameter("ids", ids).setHint("org.hibernate.readOnly", true).getResultList();
        for (TicketEntity ticket : tickets) {
            sla.backfillFigures(ticket, now);
        }
        // One JDBC batch for the whole batch of rows; the entities are read-only, so Hibernate writes nothing itself.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update ticket set sla_figures_version = 1,
                        sla_response_on_time = ?, sla_response_met_at = ?, sla_response_elapsed_us = ?,
                        sla_response_calendar_us = ?, sla_resolution_on_time = ?, sla_resolution_met_at = ?,
                        sla_resolution_elapsed_us = ?, sla_resolution_calendar_us = ?, reopen_count = ?,
                        sla_evaluated_at = ?, sla_running = ?, sla_response_elapsed_at_us = ?,
                        sla_resolution_elapsed_at_us = ?, sla_response_status = ?, sla_resolution_status = ?,
                        sla_response_due_at = ?, sla_resolution_due_at = ?, sla_due_at = ?, sla_next_check_at = ?
                    where id = ?
                    """)) {
                for (TicketEntity t : tickets) {
                    update.setObject(1, t.slaResponseOnTime, Types.BOOLEAN);
                    update.setObject(2, time(t.slaResponseMetAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(3, t.slaResponseElapsedMicros, Types.BIGINT);
                    update.setObject(4, t.slaResponseCalendarMicros, Types.BIGINT);
                    update.setObject(5, t.slaResolutionOnTime, Types.BOOLEAN);
                    update.setObject(6, time(t.slaResolutionMetAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(7, t.slaResolutionElapsedMicros, Types.BIGINT);
                    update.setObject(8, t.slaResolutionCalendarMicros, Types.BIGINT);
                    update.setInt(9, t.reopenCount);
                    update.setObject(10, time(t.slaEvaluatedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(11, t.slaRunning, Types.BOOLEAN);
                    update.setObject(12, t.slaResponseElapsedAtMicros, Types.BIGINT);
                    update.setObject(13, t.slaResolutionElapsedAtMicros, Types.BIGINT);
                    update.setString(14, t.slaResponseStatus);
                    update.setString(15, t.slaResolutionStatus);
                    update.setObject(16, time(t.slaResponseDueAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(17, time(t.slaResolutionDueAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(18, time(t.slaDueAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(19, time(t.slaNextCheckAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(20, t.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        em.clear();
        return ids.size();
    }
}
