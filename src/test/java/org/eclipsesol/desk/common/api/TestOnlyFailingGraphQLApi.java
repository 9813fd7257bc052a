package org.eclipsesol.desk.common.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;

/**
 * Test-only (src/test): a resolver without {@link GraphQLErrors} that fails with a plain Java exception, the way a
 * bug would; SmallRye would derive the error code {@code null-pointer} from the exception's class.
 */
@GraphQLApi
public class TestOnlyFailingGraphQLApi {

    @Query("testOnlyFailure")
    @Description("Test-only: fails with a NullPointerException.")
    @Authenticated
    public String testOnlyFailure() {
        String missing = null;
        return missing.trim();
    }
}
