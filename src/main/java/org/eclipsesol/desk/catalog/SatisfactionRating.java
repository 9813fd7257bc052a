package org.eclipsesol.desk.catalog;

/** A client's rating of how a ticket was handled. */
public enum SatisfactionRating {
    GOOD,
    BAD
}
