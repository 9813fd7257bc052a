package org.eclipsesol.desk.sla.app;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;

/** A published, immutable SLA policy version. */
@Type("SlaPolicy")
@Description("A published, immutable SLA policy version.")
public record PolicyView(int version, Instant effectiveFrom, Instant publishedAt, String publishedBy, String timeZone,
        BigDecimal atRiskShare, Map<String, String> businessHours, Map<Priority, PolicyTarget> targets, String note) {
}
