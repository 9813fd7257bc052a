package org.eclipsesol.desk.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start in production with an issuer but no audience: every client of the realm could then call the
 * API with its own tokens.
 */
@ApplicationScoped
public class IdentityStartupCheck {

    void check(@Observes StartupEvent event) {
        var config = ConfigProvider.getConfig();
        String problem = problem(LaunchMode.current(), config.getOptionalValue("quarkus.oidc.auth-server-url", String.class),
                config.getOptionalValues("quarkus.oidc.token.audience", String.class));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** What is wrong with this identity configuration, or null. */
    static String problem(LaunchMode mode, Optional<String> issuer, Optional<List<String>> audience) {
        if (mode != LaunchMode.NORMAL || issuer.filter(i -> !i.isBlank()).isEmpty()) {
            return null;
        }
        boolean none = audience.map(list -> list.stream().allMatch(String::isBlank)).orElse(true);
        return none
                ? "OIDC_AUTH_SERVER_URL is set but OIDC_AUDIENCE is empty: set it to the API's client id"
                        + " (support-desk), so that tokens issued to other clients of the realm are refused."
                : null;
    }
}
