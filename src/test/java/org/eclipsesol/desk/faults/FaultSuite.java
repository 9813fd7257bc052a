package org.eclipsesol.desk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Tokens;

/**
 * What every fault experiment shares: the private cluster, the packaged application, the organization the suite's
 * clients belong to, the "every acknowledged ticket exists exactly once" check and the report table
 * ({@code target/fault-report.md}: experiment, what callers saw, recovery time).
 * <p>
 * {@code -Dfaults.long=true} runs the long version (longer outages and more load); CI runs the short one.
 */
abstract class FaultSuite {

    static final boolean LONG = Boolean.getBoolean("faults.long");
    static final Path REPORT = Path.of("target/fault-report.md");

    static String supervisorToken() {
        return Tokens.subject("faults-supervisor").email("supervisor@eclipsesol.org", true).name("Supervisor")
                .realmRoles(List.of("supervisor", "technician")).sign();
    }

    /** The organization of the suite's clients (e-mail domain faults.example). */
    static void createOrganization(PackagedApp app) throws Exception {
        HttpResponse<String> r = PackagedApp.Http.CLIENT.send(HttpRequest.newBuilder(URI.create(app.base()
                + "/api/v1/organizations")).header("Authorization", "Bearer " + supervisorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Faults Inc\",\"emailDomains\":[\"faults.example\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 409);
    }

    /** Every acknowledged ticket exists exactly once, with the id its caller was given; no key made two tickets. */
    static void assertExactlyOnce(PrivatePostgres pg, Load load) throws Exception {
        Map<String, List<String>> byKey = new HashMap<>();
        try (Connection c = pg.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id::text, title from public.ticket where title like 'Fault suite %'")) {
            while (rs.next()) {
                byKey.computeIfAbsent(rs.getString(2).substring("Fault suite ".length()), k -> new java.util.ArrayList<>())
                        .add(rs.getString(1));
            }
        }
        load.acknowledged.forEach((key, id) -> assertThat(byKey.get(key)).as("ticket of key " + key).containsExactly(id));
        byKey.forEach((key, ids) -> assertThat(ids).as("tickets of key " + key).hasSize(1));
    }

    /** One row of the report table. */
    static synchronized void report(String experiment, String outcome, String recovery) throws IOException {
        if (!Files.exists(REPORT)) {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, "| experiment | outcome | recovery |\n|---|---|---|\n");
        }
        String row = "| " + experiment + " | " + outcome.replace("|", "/") + " | " + recovery + " |\n";
        Files.writeString(REPORT, row, StandardOpenOption.APPEND);
        System.out.print("FAULT-REPORT " + row);
    }

    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.1f s", s);
    }

    static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
