package org.eclipsesol.desk.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipsesol.desk.common.DeskConfig;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The identities of bearer tokens this replica has verified, by the token's exact text, for
 * {@code desk.identity.verified-token-reuse} (60 s) and never past the token's {@code exp}: a client sends the same
 * access token for its whole lifetime, and verifying its RSA signature and parsing its claims again cost a sixth of
 * a request's CPU (bench/README.md). A token is only ever remembered after Quarkus OIDC accepted it, a different
 * text (a forged signature, another claim) is a different key, and every check of our own (TokenPolicy) and every
 * authorization still runs on each request. What the reuse gives up: a signing key withdrawn from the issuer's
 * JWKS stops a remembered token within 60 s rather than at the next key refresh.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Beyond this many tokens the expired ones are dropped, then all if still too many (bounded memory). */
    static final int MAX_TOKENS = 10_000;

    private record Verified(SecurityIdentity identity, long untilEpochSecond) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongAdder reused = new LongAdder();

    @Inject
    DeskConfig config;

    /**
     * What verifying {@code token} gave, if it was verified here lately and has not expired; else null. On the wall
     * clock, as OIDC checks {@code exp} (not the application's business clock, which tests move).
     */
    SecurityIdentity lookup(String token) {
        return lookup(token, wallClockSecond());
    }

    /** Remembers a token OIDC has just verified; see {@link #remember(SecurityIdentity, long)}. */
    void remember(SecurityIdentity identity) {
        remember(identity, wallClockSecond());
    }

    private static long wallClockSecond() {
        return System.currentTimeMillis() / 1000;
    }

    SecurityIdentity lookup(String token, long nowEpochSecond) {
        Verified entry = token == null ? null : verified.get(token);
        if (entry == null) {
            return null;
        }
        if (nowEpochSecond >= entry.untilEpochSecond()) {
            verified.remove(token, entry);
            return null;
        }
        reused.increment();
        return entry.identity();
    }

    /**
     * Remembers a token OIDC has just verified (the first time only: a reused identity does not extend its own
     * reuse).
     */
    void remember(SecurityIdentity identity, long nowEpochSecond) {
        long reuseSeconds = config.identity().verifiedTokenReuse().toSeconds();
        if (reuseSeconds <= 0 || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        String token = jwt.getRawToken();
        long expiry = jwt.getExpirationTime();
        if (token == null || expiry <= nowEpochSecond || verified.containsKey(token)) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(v -> v.untilEpochSecond() <= nowEpochSecond);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.putIfAbsent(token, new Verified(identity, Math.min(expiry, nowEpochSecond + reuseSeconds)));
    }

    /** How many requests reused a verification (tests prove the reuse happens). */
    long reuses() {
        return reused.sum();
    }
}
