package org.eclipsesol.desk.customer.app;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;

/** Covered services and per-priority target overrides of an organization's agreement. */
@Type("Agreement")
@Description("Covered services and per-priority target overrides of an organization's agreement.")
public record AgreementView(
        @NonNull @Description("The services covered; a ticket for another service is out of scope (billable).") List<@NonNull ServiceLine> coveredServices,
        @NonNull @Description("Per-priority targets that replace the policy's; priorities not listed get the policy's.") Map<Priority, TargetPair> targets) {
}
