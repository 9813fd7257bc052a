package org.eclipsesol.desk.customer.app;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;

/** An agreement to store: the covered services and optional target overrides per priority. */
@Input("AgreementInput")
@Description("An agreement: the covered services and optional target overrides per priority.")
public record AgreementInput(@NotNull @Description("The services covered.") List<@NotNull ServiceLine> coveredServices,
        @Description("Per-priority targets that replace the policy's; none given: the policy's.") Map<@NotNull Priority, @Valid @NotNull TargetPair> targets) {
}
