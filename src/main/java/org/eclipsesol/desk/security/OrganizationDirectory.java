package org.eclipsesol.desk.security;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Which organization an e-mail address belongs to: an explicit membership wins, otherwise the organization
 * that registered the address's domain. Used for token holders and for e-mail senders alike.
 */
@ApplicationScoped
public class OrganizationDirectory {

    @Inject
    EntityManager em;

    public OrganizationRef organizationOf(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String normalized = email.trim().toLowerCase();
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
