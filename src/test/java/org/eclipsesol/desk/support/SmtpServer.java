package org.eclipsesol.desk.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) for the whole test run, on a free port; the application's mailer sends to it
 * (mock off). Tests read what arrived ({@link #mail()}), and stop and start it again to prove the outbox retries.
 */
@QuarkusTestResource(SmtpServer.class)
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                Integer.toString(port), "quarkus.mailer.start-tls", "DISABLED",
                // No reverse lookup of this machine's name for EHLO (it can take seconds).
                "quarkus.mailer.own-host-name", "localhost");
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** The running server (a new instance after {@link #startServer()}: what arrived before is gone). */
    public static GreenMail mail() {
        return server;
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized void startServer() {
        if (server == null) {
            GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            server = greenMail;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
