package org.eclipsesol.desk.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses enum values from query parameters with a 400 that names the field and the allowed values. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalid(field, "must be one of " + allowed);
        }
    }
}
