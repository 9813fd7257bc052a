package org.eclipsesol.desk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped Keycloak realm (deploy/keycloak/support-realm.json) holds the identity rules of docs/security.md. */
class KeycloakRealmTest {

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(new File("deploy/keycloak/support-realm.json"));
    }

    private static JsonNode client(JsonNode realm, String id) {
        for (JsonNode c : realm.get("clients")) {
            if (id.equals(c.get("clientId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no client " + id);
    }

    @Test
    void emailsAreVerifiedAndUsersCannotChangeThem() throws IOException {
        JsonNode realm = realm();
        assertThat(realm.path("verifyEmail").asBoolean()).isTrue();
        assertThat(realm.path("editUsernameAllowed").asBoolean()).isFalse();
        String profile = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0")
                .asText();
        JsonNode email = null;
        for (JsonNode attribute : new ObjectMapper().readTree(profile).get("attributes")) {
            if ("email".equals(attribute.get("name").asText())) {
                email = attribute;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.at("/permissions/edit").toString()).isEqualTo("[\"admin\"]");
        // The account console may show the profile but not manage it.
        assertThat(realm.at("/defaultRole/composites/client/account").toString()).doesNotContain("manage-account");
    }

    @Test
    void theApiClientHasNoPasswordGrantAndADemoClientServesTheExamples() throws IOException {
        JsonNode realm = realm();
        JsonNode api = client(realm, "support-desk");
        assertThat(api.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(api.path("standardFlowEnabled").asBoolean()).isFalse();
        JsonNode demo = client(realm, "support-desk-demo");
        assertThat(demo.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(demo.get("protocolMappers").toString()).contains("\"included.client.audience\":\"support-desk\"");
        for (JsonNode c : realm.get("clients")) {
            assertThat(c.path("protocolMappers").toString()).doesNotContain("oidc-group-membership-mapper");
        }
    }

    @Test
    void bruteForceDetectionIsOn() throws IOException {
        JsonNode realm = realm();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
    }
}
