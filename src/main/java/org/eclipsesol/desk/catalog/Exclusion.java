package org.eclipsesol.desk.catalog;

/** Why a ticket falls outside the standard policy (policy section "Exclusions"). */
public enum Exclusion {
    THIRD_PARTY,
    CLIENT_NEGLIGENCE,
    OUT_OF_SCOPE
}
