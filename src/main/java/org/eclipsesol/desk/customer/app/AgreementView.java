package org.eclipsesol.desk.customer.app;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;

/** Covered services and per-priority target overrides of an organization's agreement. */
@Type("Agreement")
@Description("Covered services and per-priority target overrides of an organization's agreement.")
public record AgreementView(List<ServiceLine> coveredServices, Map<Priority, TargetPair> targets) {
}
