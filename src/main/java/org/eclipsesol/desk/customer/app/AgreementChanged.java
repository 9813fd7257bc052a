package org.eclipsesol.desk.customer.app;

import java.util.UUID;

/**
 * A CDI event, fired synchronously in the transaction that changed an organization's agreement: its open
 * tickets' targets follow it, so whoever keeps derived SLA figures must re-derive them before the commit.
 */
public record AgreementChanged(UUID organizationId) {
}
