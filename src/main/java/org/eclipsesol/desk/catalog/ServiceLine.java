package org.eclipsesol.desk.catalog;

/** The services the support policy covers ({@code service} in the API). */
public enum ServiceLine {
    MANAGED_IT,
    PHONE_SYSTEMS,
    ACCESS_CONTROL,
    SURVEILLANCE,
    BREAK_FIX
}
