package org.eclipsesol.desk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.ReplicaCaches;
import org.eclipsesol.desk.support.SqlStatements;
import org.eclipsesol.desk.ticket.app.TicketChanged;
import org.eclipsesol.desk.ticket.app.TicketChanged.What;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Ticket changes leave a replica after their transaction committed, through the sender (its own connection), and come
 * back through the listener like any other replica's: the writing transaction runs no NOTIFY (which would hold
 * PostgreSQL's notify lock through its commit), a rolled-back change is never pushed, and a burst arrives whole.
 */
@QuarkusTest
class ClusterEventsTest {

    @Inject
    ClusterEvents events;

    @Inject
    Event<TicketChanged> changes;

    @Inject
    ReplicaCaches caches;

    private final List<TicketChanged> heard = new CopyOnWriteArrayList<>();
    private Cancellable subscription;

    @BeforeEach
    void listen() {
        await().atMost(Duration.ofSeconds(30)).until(caches::listening);
        subscription = events.ticketChanges().subscribe().with(heard::add);
    }

    @AfterEach
    void stopListening() {
        subscription.cancel();
    }

    private static TicketChanged change() {
        return new TicketChanged(UUID.randomUUID(), UUID.randomUUID(), What.UPDATED);
    }

    @Test
    void theWritingTransactionRunsNoNotify() {
        TicketChanged change = change();
        long statements = SqlStatements.preparedBy(() -> QuarkusTransaction.requiringNew().run(() -> changes.fire(change)));
        assertThat(statements).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(change));
    }

    @Test
    void aRolledBackChangeIsNeverPushed() {
        TicketChanged rolledBack = change();
        TicketChanged committed = change();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            changes.fire(rolledBack);
            throw new IllegalStateException("the change fails after the event");
        })).hasMessageContaining("fails after");
        QuarkusTransaction.requiringNew().run(() -> changes.fire(committed));
        // One sender, one connection, FIFO: had the first been sent, it would have arrived before the second.
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(committed));
        assertThat(heard).doesNotContain(rolledBack);
    }

    @Test
    void aBurstOfCommittedChangesArrivesWholeAndInOrder() {
        List<TicketChanged> burst = IntStream.range(0, 2 * ClusterEvents.SEND_BATCH + 7).mapToObj(i -> change()).toList();
        burst.forEach(change -> QuarkusTransaction.requiringNew().run(() -> changes.fire(change)));
        await().atMost(Duration.ofSeconds(20)).until(() -> heard.containsAll(burst));
        assertThat(heard.stream().filter(burst::contains).toList()).containsExactlyElementsOf(burst);
    }
}
