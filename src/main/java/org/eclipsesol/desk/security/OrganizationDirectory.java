package org.eclipsesol.desk.security;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.common.ReplicaCaches;

/**
 * Which organization an e-mail address belongs to: an explicit membership wins, otherwise the organization
 * that registered the address's domain. Used for token holders and for e-mail senders alike.
 */
@ApplicationScoped
public class OrganizationDirectory {

    /** The cache of {@link #organizationOf}; whoever changes memberships or e-mail domains announces it. */
    public static final String CACHE = "organization-directory";

    @Inject
    EntityManager em;

    @Inject
    ReplicaCaches caches;

    // Application scoped, so the mapping is not built again for every request (CallerResolver is request scoped).
    @Inject
    DeskConfig config;

    /**
     * The organization a token holder's e-mail address chooses: only a verified address chooses one, unless
     * desk.identity.require-verified-email is false.
     */
    public OrganizationRef organizationOfTokenHolder(String email, boolean verified) {
        return verified || !config.identity().requireVerifiedEmail() ? organizationOf(email) : null;
    }

    /**
     * The organization of {@code email}, or null. Read on every request of a client, so remembered per replica
     * until a membership or e-mail domain changes anywhere (ReplicaCaches).
     */
    public OrganizationRef organizationOf(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String normalized = email.trim().toLowerCase();
        return caches.<String, OrganizationRef> cache(CACHE, 100_000).get(normalized, this::lookUp);
    }

    private OrganizationRef lookUp(String normalized) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.id, o.name, 0 as rank from membership m join organization o on o.id = m.organization_id
                 where m.email = :email
                union all
                select o.id, o.name, 1 as rank from organization_email_domain d join organization o on o.id = d.organization_id
                 where d.domain = :domain
                order by rank limit 1
                """)
                .setParameter("email", normalized)
                .setParameter("domain", normalized.substring(normalized.indexOf('@') + 1))
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return new OrganizationRef((UUID) rows.get(0)[0], (String) rows.get(0)[1]);
    }
}
