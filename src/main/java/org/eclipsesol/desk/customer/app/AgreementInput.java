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
public record AgreementInput(@NotNull List<@NotNull ServiceLine> coveredServices,
        Map<@NotNull Priority, @Valid @NotNull TargetPair> targets) {
}
