package org.eclipsesol.desk.common;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * For partial updates: an {@code Optional} property that is absent from the JSON stays {@code null}, an explicit
 * {@code null} becomes {@link Optional#empty()}, and a value becomes {@code Optional.of(value)}. Jackson's own
 * Optional support turns an absent record component into {@code Optional.empty()} too, which would make every
 * partial update look like "clear this field".
 */
public class PresenceAwareOptionalDeserializer extends StdDeserializer<Optional<?>> implements ContextualDeserializer {

    private final transient JsonDeserializer<?> values;

    public PresenceAwareOptionalDeserializer() {
        this(null);
    }

    private PresenceAwareOptionalDeserializer(JsonDeserializer<?> values) {
        super(Optional.class);
        this.values = values;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType type = property == null ? null : property.getType().containedType(0);
        if (type == null) {
            type = ctxt.constructType(Object.class);
        }
        return new PresenceAwareOptionalDeserializer(ctxt.findContextualValueDeserializer(type, property));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Optional.ofNullable(values.deserialize(p, ctxt));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
        return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }
}
