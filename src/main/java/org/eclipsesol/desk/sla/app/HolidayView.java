package org.eclipsesol.desk.sla.app;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** A holiday: a date in the policy's time zone. */
@Type("Holiday")
@Input("HolidayInput")
@Description("A holiday: a date in the policy's time zone.")
public record HolidayView(@NotNull @Description("The day, in the policy's time zone.") LocalDate date,
        @NotBlank @Size(max = 200) @Description("What the holiday is called.") String name) {
}
