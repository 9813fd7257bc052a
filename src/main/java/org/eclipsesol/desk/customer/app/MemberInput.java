package org.eclipsesol.desk.customer.app;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** A person to add to an organization, by e-mail. */
@Input("MemberInput")
@Description("A person to add to an organization, by e-mail.")
public record MemberInput(@NotBlank @Email @Size(max = 320) @Description("The member's e-mail address.") String email) {
}
