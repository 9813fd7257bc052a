package org.eclipsesol.desk.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Support Desk's own settings ({@code desk.*} in application.properties; environment variables in prod). */
@ConfigMapping(prefix = "desk")
public interface DeskConfig {

    Db db();

    /** {@code desk.notify.*} (notify() itself is taken by java.lang.Object). */
    @WithName("notify")
    Notify notifications();

    Sla sla();

    Seed seed();

    interface Db {

        /** The schema Flyway migrates and the application uses (DB_SCHEMA in prod). */
        String schema();
    }

    interface Notify {

        /** Where escalation and SLA alert e-mails go (NOTIFY_SUPERVISORS in prod). */
        String supervisors();
    }

    interface Sla {

        /** How often the SLA monitor looks for AT_RISK/BREACHED moments; keep it well under a minute. */
        @WithDefault("20s")
        Duration monitorInterval();
    }

    interface Seed {

        /** Demo data on start into an empty schema (dev mode). */
        @WithDefault("false")
        boolean enabled();
    }
}
