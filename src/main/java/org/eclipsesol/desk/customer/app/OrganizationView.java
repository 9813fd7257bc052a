package org.eclipsesol.desk.customer.app;

import java.util.List;
import java.util.UUID;

/** An organization as the API shows it. */
public record OrganizationView(UUID id, String name, List<String> emailDomains, AgreementView agreement) {
}
