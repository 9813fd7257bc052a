package org.eclipsesol.desk.customer.app;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.Nullable;

/** A new organization. Without an agreement it covers every service at the policy's targets. */
@Input("OrganizationInput")
@Description("A new organization. Without an agreement it covers every service at the policy's targets.")
public record OrganizationInput(
        @NotBlank @Size(max = 200) @Description("The unique name.") String name,
        @Nullable @Size(max = 20) @Description("E-mail domains whose senders belong to it, such as example.com (at most 20).") List<@NotBlank @Pattern(regexp = "^(?=.{1,253}$)([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,63}$", message = "must be an e-mail domain such as example.com") String> emailDomains,
        @Valid @Description("The support agreement; default every service at the policy's targets.") AgreementInput agreement) {
}
