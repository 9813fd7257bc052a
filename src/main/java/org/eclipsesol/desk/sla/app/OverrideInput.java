package org.eclipsesol.desk.sla.app;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** A supervisor's per-ticket target override; a null target keeps the current one. */
@Input("SlaOverrideInput")
@Description("A supervisor's per-ticket target override with a reason; a null target keeps the current one.")
public record OverrideInput(@Description("The new response target; null keeps the current one.") Duration response,
        @Description("The new resolution target; null keeps the current one.") Duration resolution,
        @NotBlank @Size(max = 2000) @Description("Why the targets are overridden.") String reason) {
}
