package org.eclipsesol.desk.catalog;

/** How a ticket reached us. */
public enum Channel {
    PORTAL,
    MOBILE,
    EMAIL,
    PHONE
}
