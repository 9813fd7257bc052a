package org.eclipsesol.desk.common;

/** One invalid input field and why. */
public record Violation(String field, String message) {
}
