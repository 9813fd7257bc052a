package org.eclipsesol.desk.ticket.app;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Idempotency-Key for opening tickets: a key is claimed per caller with the hash of the request; a repeat of the
 * same request finds the first ticket, the same key with another request is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The outcome of a claim: either this request owns the key, or it repeats the request that made {@code ticketId}. */
    public record Claim(String key, String requestHash, UUID replayOf) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Claims the key for this request (null when there is no key). */
    public Claim claim(Caller caller, String rawKey, TicketInput request, Instant now) {
        String key = normalize(rawKey);
        if (key == null) {
            return null;
        }
        String requestHash = hash(request);
        // A concurrent request with the same key waits on the row until the first commits, then finds the key
        // taken and replays the first ticket.
        int claimed = em.createNativeQuery("""
                insert into idempotency_key (caller_id, key, request_hash, created_at) values (:caller, :key, :hash, :now)
                on conflict do nothing
                """)
                .setParameter("caller", caller.id()).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", now).executeUpdate();
        if (claimed == 1) {
            return new Claim(key, requestHash, null);
        }
        Object[] row = (Object[]) em.createNativeQuery(
                "select request_hash, ticket_id from idempotency_key where caller_id = :caller and key = :key")
                .setParameter("caller", caller.id()).setParameter("key", key).getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was already used with a different request.");
        }
        if (row[1] == null) {
            throw ProblemException.conflict("A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        return new Claim(key, requestHash, (UUID) row[1]);
    }

    /** Records the ticket the claimed key made. */
    public void bind(Caller caller, Claim claim, UUID ticketId) {
        em.createNativeQuery("update idempotency_key set ticket_id = :ticket where caller_id = :caller and key = :key")
                .setParameter("ticket", ticketId).setParameter("caller", caller.id()).setParameter("key", claim.key())
                .executeUpdate();
    }

    private static String normalize(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        return key.trim();
    }

    // The request's static type is its JSON shape here (and native-registered as a resource parameter).
    private String hash(TicketInput request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }
}
