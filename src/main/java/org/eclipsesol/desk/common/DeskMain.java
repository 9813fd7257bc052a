package org.eclipsesol.desk.common;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. Starting while the database is down: Flyway retries connecting with a doubling back-off
 * ({@code quarkus.flyway.connect-retries}, DB_STARTUP_RETRIES), then start-up fails and this exits 1 with one line
 * naming the reason, instead of a stack trace (prod silences Quarkus' own "Failed to start application" and this
 * logs every other start-up failure in full).
 */
@QuarkusMain
public class DeskMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(DeskMain.class);

    public static void main(String... args) {
        Quarkus.run(DeskMain.class, DeskMain::exit, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    static void exit(int code, Throwable failure) {
        if (failure != null) {
            if (DatabaseFaults.isFault(failure)) {
                LOG.errorf("Support Desk did not start: the database is unreachable (%s) after the configured retries"
                        + " (DB_STARTUP_RETRIES); exiting with status %d", DatabaseFaults.summary(failure), code);
            } else {
                LOG.error("Support Desk did not start", failure);
            }
        }
        System.exit(code);
    }
}
