package org.eclipsesol.desk.customer.app;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** Response and resolution targets (ISO-8601 durations of clock time). */
@Type("TargetPair")
@Input("TargetPairInput")
@Description("Response and resolution targets (ISO-8601 durations of clock time).")
public record TargetPair(@NotNull @Description("Time to the first response.") Duration response,
        @NotNull @Description("Time to resolution.") Duration resolution) {
}
