package org.eclipsesol.desk.sla.app;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.sla.engine.ClockType;

/** A policy's targets and clock for one priority. */
public record PolicyTarget(@NotNull ClockType clock, @NotNull Duration response, @NotNull Duration resolution) {
}
