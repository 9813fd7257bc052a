package org.eclipsesol.desk.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipsesol.desk.support.Tokens;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, prod profile) as its own process against a
 * {@link PrivatePostgres}: OIDC verifies the suite's tokens against the test public key, health on a port of its own.
 */
public final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    final int port;
    final int managementPort;
    final Path log;
    private final Map<String, String> env = new HashMap<>();
    private Process process;
    private int starts;
    private List<String> jvmOptions = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    PackagedApp(PrivatePostgres pg, Map<String, String> extra) throws IOException {
        this(pg.jdbcUrl(), "public", extra);
    }

    /** The packaged application on any PostgreSQL (the benchmarks use the machine's, in a schema of their own). */
    public PackagedApp(String jdbcUrl, String schema, Map<String, String> extra) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run through failsafe (mvn verify) after package");
        }
        port = PrivatePostgres.FreePorts.take();
        managementPort = PrivatePostgres.FreePorts.take();
        log = Files.createTempFile("desk-faults-app", ".log");
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", "postgres");
        env.put("DB_SCHEMA", schema);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        try {
            // Discovery and JWKS from the suite's tiny issuer; the tokens' iss is Keycloak-like.
            env.put("OIDC_AUTH_SERVER_URL", TinyIssuer.shared().url());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.put("SHUTDOWN_DELAY", "1s");
        env.put("SHUTDOWN_TIMEOUT", "10s");
        env.put("QUARKUS_LOG_CONSOLE_FORMAT", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) %s%e%n");
        env.putAll(extra);
    }

    /** The test profile's public key (application.properties), which verifies the suite's tokens. */
    static String testPublicKey() throws IOException {
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            if (line.startsWith("%test.quarkus.oidc.public-key=")) {
                return line.substring(line.indexOf('=') + 1).trim();
            }
        }
        throw new IllegalStateException("no %test.quarkus.oidc.public-key in application.properties");
    }

    /** JVM options replacing the suite's (a small heap, C1 only: quick starts for short fault experiments). */
    public void jvmOptions(List<String> options) {
        jvmOptions = List.copyOf(options);
    }

    public void set(String name, String value) {
        env.put(name, value);
    }

    /** Starts the process (the log is appended to); does not wait. */
    void launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        starts++;
    }

    /** Starts and waits until readiness answers UP. */
    public void start(Duration within) throws Exception {
        launch();
        awaitReady(within);
    }

    void awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n" + tail(40));
            }
            if (readiness(Duration.ofSeconds(2)) == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within " + within + ":\n" + tail(40));
    }

    /** The readiness status code, or -1 when it does not answer within {@code timeout}. */
    int readiness(Duration timeout) {
        try {
            HttpResponse<String> r = Http.CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    void sigterm() {
        process.destroy();
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + within);
        }
        return process.exitValue();
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    long count(String fragment) throws IOException {
        return logLines().stream().filter(l -> l.contains(fragment)).count();
    }

    public String tail(int lines) {
        try {
            List<String> all = logLines();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The suite's HTTP client. */
    static final class Http {

        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build();

        private Http() {
        }
    }
}
