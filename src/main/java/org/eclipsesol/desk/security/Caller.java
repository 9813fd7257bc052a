package org.eclipsesol.desk.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;

/**
 * Who is calling: token subject, name, e-mail, roles, and (for clients) the organization resolved from
 * membership or e-mail domain. Every service rule is written against this, whichever door the call came in by.
 */
public record Caller(String id, String name, String email, Set<Role> roles, OrganizationRef organization) {

    public Caller {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.contains(Role.TECHNICIAN) || roles.contains(Role.SUPERVISOR);
    }

    public boolean isSupervisor() {
        return roles.contains(Role.SUPERVISOR);
    }

    /** A client sees one organization's data; staff see everything. */
    public boolean isClientOnly() {
        return !isStaff() && roles.contains(Role.CLIENT);
    }

    public UUID organizationId() {
        return organization == null ? null : organization.id();
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw ProblemException.forbidden("Only support staff may do this.");
        }
    }

    public void requireSupervisor() {
        if (!isSupervisor()) {
            throw ProblemException.forbidden("Only a supervisor may do this.");
        }
    }

    /** Staff, or a client who belongs to an organization: the people who may use tickets at all. */
    public void requireTicketUser() {
        if (isStaff()) {
            return;
        }
        if (!roles.contains(Role.CLIENT)) {
            throw ProblemException.forbidden("Your role may not use tickets.");
        }
        if (organization == null) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Your account is not linked to a client organization; ask your administrator to add you.");
        }
    }
}
