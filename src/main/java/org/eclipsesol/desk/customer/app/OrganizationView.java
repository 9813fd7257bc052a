package org.eclipsesol.desk.customer.app;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** An organization as the API shows it. */
@Type("Organization")
@Description("A client organization: its registered e-mail domains and its support agreement.")
public record OrganizationView(UUID id, String name, List<String> emailDomains, AgreementView agreement) {
}
