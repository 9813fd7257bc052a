package org.eclipsesol.desk.limits;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Small budgets that a test reaches in a few requests, and the opt-in to roles from the {@code groups} claim.
 * Quarkus restarts (and Flyway cleans the schema) for this profile: its tests create what they use.
 */
public class LowLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "desk.rate-limits.reads.limit", "5",
                "desk.rate-limits.writes.limit", "3",
                "desk.rate-limits.escalations.limit", "1",
                "desk.rate-limits.intake-sender.limit", "2",
                "desk.identity.roles-from-groups", "true");
    }
}
