package org.eclipsesol.desk.common;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one source of "now", so time-dependent rules can be reasoned about (and replaced) in one place. */
@ApplicationScoped
public class ClockProducer {

    /**
     * The system clock at microsecond precision, the precision PostgreSQL stores. The JDK reads nanoseconds on
     * Linux; an instant kept in memory with nanoseconds would differ from the same instant read back from the
     * database, so SLA figures computed in a request would not match their recomputation from stored events.
     */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
