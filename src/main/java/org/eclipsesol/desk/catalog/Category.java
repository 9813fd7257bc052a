package org.eclipsesol.desk.catalog;

/** What kind of help is asked for ({@code category} in the API). */
public enum Category {
    TECHNICAL_ASSISTANCE,
    SYSTEM_MAINTENANCE,
    USER_ASSISTANCE,
    SERVICE_REQUEST
}
