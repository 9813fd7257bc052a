package org.eclipsesol.desk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Remembers the people seen in tokens (id, name, e-mail, roles) so supervisors can assign tickets by id and
 * lists can show names. Writes only when something changed, in its own short transaction.
 */
@ApplicationScoped
public class UserDirectory {

    private final Map<String, String> known = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    void remember(Caller caller) {
        // Checked on every request: the roles as the resolver's EnumSet prints them, in one order, unsorted.
        String fingerprint = caller.name() + "|" + caller.email() + "|" + caller.roles();
        if (fingerprint.equals(known.get(caller.id()))) {
            return;
        }
        String roles = caller.roles().stream().map(Role::claimValue).sorted().collect(Collectors.joining(","));
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into app_user (id, name, email, roles, last_seen_at) values (:id, :name, :email, :roles, :now)
                on conflict (id) do update set name = excluded.name, email = excluded.email, roles = excluded.roles,
                    last_seen_at = excluded.last_seen_at
                """)
                .setParameter("id", caller.id())
                .setParameter("name", caller.name())
                .setParameter("email", caller.email())
                .setParameter("roles", roles)
                .setParameter("now", now)
                .executeUpdate());
        known.put(caller.id(), fingerprint);
    }
}
