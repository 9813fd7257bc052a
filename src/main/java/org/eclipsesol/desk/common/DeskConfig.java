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

    /** How tokens are trusted (docs/security.md). */
    Identity identity();

    /** Per-caller request budgets shared by all replicas (docs/security.md). */
    RateLimits rateLimits();

    /** Limits on what one ticket or organization may accumulate. */
    Quotas quotas();

    /** GraphQL subscriptions held open at once. */
    Subscriptions subscriptions();

    /** GraphQL limits beyond SmallRye's own (read by GraphQLLimitsAndCodes through the config API). */
    Graphql graphql();

    /** Full-text search of the ticket lists. */
    Search search();

    /** SLA reports. */
    Report report();

    interface Report {

        /** The day rollup of settled tickets (V11, docs/decisions.md "Report rollup"). */
        Rollup rollup();

        interface Rollup {

            /** Whether this replica rolls settled tickets (the report reads the rollup either way). */
            @WithDefault("true")
            boolean enabled();

            /** How often the rollup job runs (its {@code @Scheduled} reads this). */
            @WithDefault("5m")
            Duration interval();
        }
    }

    interface Search {

        /** RELEVANCE ranks the newest this many text matches (docs/decisions.md, "Lists"). */
        @WithDefault("200")
        int rankedMatches();
    }

    interface Graphql {

        /** The weighted cost a query may have (GRAPHQL_MAX_COST). */
        @WithDefault("30000")
        int maxCost();
    }

    interface Db {

        /** The schema Flyway migrates and the application uses (DB_SCHEMA in prod). */
        String schema();

        // --- faults (issue 9, docs/operations.md): every database call is bounded.

        /** PostgreSQL {@code statement_timeout} of every pooled connection (DB_STATEMENT_TIMEOUT). */
        @WithDefault("5s")
        Duration statementTimeout();

        /** PostgreSQL {@code lock_timeout}: how long a statement waits for a row or table lock (DB_LOCK_TIMEOUT). */
        @WithDefault("2s")
        Duration lockTimeout();

        /** pgjdbc {@code socketTimeout}, seconds: a read from a frozen server or a dead network (DB_SOCKET_TIMEOUT). */
        @WithDefault("15")
        int socketTimeoutSeconds();

        /** The readiness check's own budget, at most 1 s (DB_READINESS_TIMEOUT). */
        @WithDefault("800ms")
        Duration readinessTimeout();
    }

    /** Concurrent database work per endpoint group (common.Bulkhead). */
    Bulkheads bulkhead();

    interface Bulkheads {

        @WithDefault("true")
        boolean enabled();

        /** How long a request may wait in its group's queue before it is shed with 503. */
        @WithDefault("1s")
        Duration maxWait();

        /** Tickets, escalations and GraphQL. */
        BulkheadGroup tickets();

        BulkheadGroup reports();

        BulkheadGroup intake();

        /** Everything else: me, organizations, SLA policies, holidays and quotes. */
        BulkheadGroup other();
    }

    interface BulkheadGroup {

        /** Requests of the group served at once. */
        int concurrent();

        /** Requests of the group that may wait for a turn; more are shed at once. */
        int queue();
    }

    interface Notify {

        /** Where escalation and SLA alert e-mails go (NOTIFY_SUPERVISORS in prod). */
        String supervisors();

        // --- outbox (issue 11): notices, threading and delivery (docs/notifications.md)
        /** The technicians' queue: told of a new unassigned CRITICAL ticket outside business hours. */
        @WithDefault("technicians@eclipsesol.org")
        String technicians();

        /** Reply-To of every notice: the support address the intake reads. */
        @WithDefault("support@eclipsesol.org")
        String replyTo();

        /** The right-hand side of our Message-IDs ({@code <uuid.T-10042@domain>}). */
        @WithDefault("support-desk.eclipsesol.org")
        String messageIdDomain();

        Outbox outbox();
    }

    /** {@code desk.notify.outbox.*}: the delivery worker. */
    interface Outbox {

        /** How often the worker looks for due rows. */
        @WithDefault("5s")
        Duration interval();

        /** Attempts before a row is FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** The first retry waits about this long (with jitter of 20 % either way), each next one twice as long. */
        @WithDefault("5s")
        Duration backoffBase();

        @WithDefault("1h")
        Duration backoffMax();

        /** Rows claimed per transaction. */
        @WithDefault("50")
        int batch();
    }

    /** {@code desk.webhooks.*} (issue 11). */
    Webhooks webhooks();

    interface Webhooks {

        /** Allow loopback and private targets (DESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS); off in prod. */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Connect and response time-out of one delivery. */
        @WithDefault("5s")
        Duration timeout();

        /** An endpoint is disabled after this many failed attempts in a row (supervisors are told). */
        @WithDefault("15")
        int disableAfterFailures();
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

    interface Identity {

        /** An organization only from a verified e-mail ({@code email_verified: true}); off only in dev mode. */
        @WithDefault("true")
        boolean requireVerifiedEmail();

        /** Refuse tokens that are not access tokens (Keycloak {@code typ: Bearer}, or an {@code at+jwt} header). */
        @WithDefault("true")
        boolean accessTokensOnly();

        /** Opt-in: also take Support Desk roles from the {@code groups} claim (group names become roles). */
        @WithDefault("false")
        boolean rolesFromGroups();

        /**
         * How long a replica reuses what verifying a bearer token found (never past the token's expiry); 0 verifies
         * every request. Must be 0 with certificate-bound or DPoP tokens (their proof is per request).
         */
        @WithDefault("60s")
        Duration verifiedTokenReuse();
    }

    interface RateLimits {

        @WithDefault("true")
        boolean enabled();

        Budget reads();

        Budget writes();

        Budget uploads();

        Budget escalations();

        /** Requests of the mail gateway to the intake endpoint. */
        Budget intake();

        /** Inbound messages per sender address. */
        Budget intakeSender();
    }

    /** {@code limit} requests per {@code window}, refilled continuously (a burst of {@code limit} at most). */
    interface Budget {

        int limit();

        Duration window();
    }

    interface Quotas {

        @WithDefault("50")
        int attachmentsPerTicket();

        /** Bytes of attachments one organization may upload per UTC day. */
        @WithDefault("512M")
        io.quarkus.runtime.configuration.MemorySize attachmentBytesPerOrganizationPerDay();

        /** Comments a client may add to one ticket per rolling hour. */
        @WithDefault("30")
        int clientCommentsPerTicketPerHour();
    }

    interface Subscriptions {

        @WithDefault("10")
        int perConnection();

        /** Per caller on one replica. */
        @WithDefault("25")
        int perCaller();
    }
}
