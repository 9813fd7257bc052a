package org.eclipsesol.desk.ticket.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.DatabaseFaults;

import io.quarkus.scheduler.Scheduled;

/** Closes tickets 7 days after resolution (the policy's automatic confirmation). */
@ApplicationScoped
public class TicketMaintenance {

    @Inject
    TicketLifecycle tickets;

    @Scheduled(every = "60s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void closeExpiredResolutions() {
        DatabaseFaults.runJob("ticket maintenance", tickets::closeExpiredResolutions);
    }
}
