package org.eclipsesol.desk.sla.app;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.catalog.Priority;

/**
 * A new policy version. {@code businessHours} maps a weekday (MONDAY…SUNDAY) to local intervals such as
 * "09:00-17:00" or "08:00-12:00,13:00-17:00"; omitted days have no business hours.
 */
@Schema(description = "A new SLA policy version; it takes effect at once for tickets opened from then on.")
@Input("SlaPolicyInput")
@Description("A new SLA policy version; businessHours maps MONDAY..SUNDAY to intervals such as 09:00-17:00.")
public record PolicyInput(
        @Schema(examples = "America/Denver") @NotNull @Description("The IANA time zone of the business hours and holidays, e.g. America/Denver.") String timeZone,
        @DecimalMin(value = "0.01") @DecimalMax(value = "1.0") @Description("The share of a target after which it is AT_RISK (0.01 to 1); default 0.75.") BigDecimal atRiskShare,
        @NotNull @Size(min = 1, max = 7) @Description("MONDAY..SUNDAY to intervals such as 09:00-17:00 or 08:00-12:00,13:00-17:00; days not given have no business hours.") Map<String, String> businessHours,
        @NotNull @Size(min = 4, max = 4) @Description("The clock and targets of each of the four priorities.") Map<@NotNull Priority, @Valid @NotNull PolicyTarget> targets,
        @Size(max = 2000) @Description("A note on the change.") String note) {
}
