package org.eclipsesol.desk.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the fault suite's own: initdb into a temporary directory as the {@code postgres} OS user,
 * its own free port, so the suite may stop, restart, freeze and lock it without touching the shared server.
 */
final class PrivatePostgres implements AutoCloseable {

    final Path root;
    final Path data;
    final int port;
    private final Path bin;

    private PrivatePostgres(Path root, int port, Path bin) {
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.bin = bin;
    }

    static PrivatePostgres create() throws Exception {
        // The suite needs PostgreSQL's binaries and root (to run them as the postgres user); elsewhere it is skipped.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/lib/postgresql"))
                && "root".equals(System.getProperty("user.name")), "the fault suite needs /usr/lib/postgresql and root");
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql"));
        }
        Path root = Files.createTempDirectory("desk-faults-pg");
        run(List.of("chown", "postgres", root.toString()));
        run(List.of("chmod", "755", root.toString()));
        PrivatePostgres pg = new PrivatePostgres(root, FreePorts.take(), bin);
        pg.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync"));
        pg.start();
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    private List<String> options() {
        return List.of("-o", "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=80 -c shared_buffers=32MB");
    }

    void start() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                root.resolve("postgres.log").toString(), "-w", "-t", "30"));
        cmd.addAll(options());
        cmd.add("start");
        asPostgres(cmd);
    }

    /** pg_ctl stop -m fast|immediate. */
    void stop(String mode) throws Exception {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "30", "stop"));
    }

    /** pg_ctl restart -m fast|immediate. */
    void restart(String mode) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                root.resolve("postgres.log").toString(), "-m", mode, "-w", "-t", "30"));
        cmd.addAll(options());
        cmd.add("restart");
        asPostgres(cmd);
    }

    /** SIGSTOP (or SIGCONT) to the postmaster and every backend: a frozen server whose sockets stay open. */
    void signalAll(String signal) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> cmd.add(Long.toString(d.pid()))));
        run(cmd);
    }

    private void asPostgres(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        run(cmd);
    }

    static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            signalAll("CONT");
        } catch (Exception ignored) {
            // Not frozen, or not running.
        }
        try {
            stop("immediate");
        } catch (Exception ignored) {
            // Already stopped.
        }
        run(List.of("rm", "-rf", root.toString()));
    }

    /** Free local ports. */
    static final class FreePorts {

        static int take() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                s.setReuseAddress(true);
                return s.getLocalPort();
            }
        }
    }
}
