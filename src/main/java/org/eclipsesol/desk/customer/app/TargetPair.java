package org.eclipsesol.desk.customer.app;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

/** Response and resolution targets (ISO-8601 durations of clock time). */
public record TargetPair(@NotNull Duration response, @NotNull Duration resolution) {
}
