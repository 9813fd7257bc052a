package org.eclipsesol.desk.customer.app;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An organization as the API shows it. */
@Type("Organization")
@Description("A client organization: its registered e-mail domains and its support agreement.")
public record OrganizationView(@NonNull @Id @Description("The organization's id.") UUID id,
        @NonNull @Description("The unique name.") String name,
        @NonNull @Description("E-mail domains whose senders belong to it, sorted.") List<@NonNull String> emailDomains,
        @NonNull @Description("The support agreement.") AgreementView agreement) {
}
