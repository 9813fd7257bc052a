package org.eclipsesol.desk.security;

/** The realm roles Support Desk understands, with the names the identity provider uses. */
public enum Role {

    CLIENT("client"),
    TECHNICIAN("technician"),
    SUPERVISOR("supervisor"),
    MAIL_GATEWAY("mail-gateway");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public static Role fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue.equals(value)) {
                return role;
            }
        }
        return null;
    }
}
