package org.eclipsesol.desk.sla.app;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.sla.engine.ClockType;

/** A policy's targets and clock for one priority. */
@Type("PolicyTarget")
@Input("PolicyTargetInput")
@Description("A policy's clock and targets for one priority.")
public record PolicyTarget(@NotNull @Description("The clock the targets are measured on.") ClockType clock,
        @NotNull @Description("Time to the first response.") Duration response,
        @NotNull @Description("Time to resolution.") Duration resolution) {
}
