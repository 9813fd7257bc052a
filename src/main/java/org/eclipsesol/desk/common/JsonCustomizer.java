package org.eclipsesol.desk.common;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON reading rules. An {@code Optional} field of an input record is {@code null} when the field is absent
 * and {@code Optional.empty()} when it is an explicit {@code null}, so a PATCH can tell "leave it alone"
 * from "clear it" (TicketPatch's assigneeId and exclusion). Jackson's default reads both as empty.
 * Enum values are their names only: a number (Jackson's default accepts the ordinal) is invalid input. A duplicate key
 * is malformed JSON (400).
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register the standard Jdk8Module. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // A key twice in one object is refused (400), never "last one wins" (issue 9).
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Its own type id, so Jackson does not drop it as a duplicate of the Jdk8Module Quarkus registers;
        // deserializers registered later take precedence.
        mapper.registerModule(new Jdk8Module() {

            @Override
            public Object getTypeId() {
                return JsonCustomizer.class.getName();
            }
        }.configureReadAbsentAsNull(true));
    }
}
