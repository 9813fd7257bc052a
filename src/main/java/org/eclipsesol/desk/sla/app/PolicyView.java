package org.eclipsesol.desk.sla.app;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;

/** A published, immutable SLA policy version. */
@Type("SlaPolicy")
@Description("A published, immutable SLA policy version.")
public record PolicyView(@NonNull @Description("The version number, 1 for the first policy.") int version,
        @NonNull @Description("From when it applies: tickets opened at or after this instant use it.") Instant effectiveFrom,
        @NonNull @Description("When it was published.") Instant publishedAt,
        @Description("Who published it (token subject, or the seed's source).") String publishedBy,
        @NonNull @Description("The IANA time zone of the business hours and holidays, e.g. America/Denver.") String timeZone,
        @NonNull @Description("The share of a target after which it is AT_RISK, e.g. 0.75.") BigDecimal atRiskShare,
        @NonNull @Description("Business hours: MONDAY..SUNDAY to intervals such as 09:00-17:00 or 08:00-12:00,13:00-17:00.") Map<String, String> businessHours,
        @NonNull @Description("The clock and targets per priority.") Map<Priority, PolicyTarget> targets,
        @Description("The publisher's note, if any.") String note) {
}
