package org.chart2claim.payer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.x12.Claim837Writer;
import org.chart2claim.payer.api.PayerApiErrors;
import org.chart2claim.payer.data.Member;
import org.chart2claim.standard.x12.X12Envelope;
import org.chart2claim.support.StandaloneApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 16, on a real server (Tomcat): a client sends a claim file of 3,000 claims and closes its socket at once,
 * without waiting for the answer. The server notices (it looks past the end of the body between batches), stops
 * after the batch it was deciding, rolls everything back and says so in its log: nothing of the file is stored.
 * Before, it adjudicated and stored all 3,000 for nobody.
 */
class ClientHangUpTest {
    private static final String PASSWORD = "hang-up-pass-1";

    @TempDir
    static Path dataDir;

    private static StandaloneApp app;

    @BeforeAll
    static void start() {
        app = StandaloneApp.start(
                "--chart2claim.data-dir=" + dataDir.toAbsolutePath(), "--chart2claim.demo-password=" + PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aClientThatHangsUpAfterItsUploadGetsItsWorkStoppedAndNothingStored() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(PayerApiErrors.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        try {
            log.addAppender(events); // after the start: starting resets the logging configuration
            String ledger = "hang-up";
            try (Socket socket = new Socket("localhost", port())) {
                send(socket, ledger, file(3_000));
            } // closed at once: the client is gone

            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && goneEvents(events).isEmpty()) {
                Thread.sleep(100);
            }
            List<String> gone = goneEvents(events);
            assertThat(gone).as("the server logs the hang-up").hasSize(1);
            int decided = Integer.parseInt(gone.getFirst().replaceAll(".* after (\\d+) claims were decided.*", "$1"));
            assertThat(decided).as("it stopped early").isLessThan(3_000).isLessThanOrEqualTo(PayerService.BATCH);
            assertThat(app.bean(PayerClaimRepository.class).findByUsernameAndLedgerOrderByIdAsc("student", ledger))
                    .as("nothing of the file is stored")
                    .isEmpty();
        } finally {
            log.detachAppender(events);
        }
    }

    /**
     * A client that hangs up while its answer is being sent, after the claims were committed: they stay stored (a
     * resend is answered as duplicates), and the app's own log says so with an error id, the ledger and how many
     * claims were stored. Before, only Tomcat logged the broken connection, with nothing about the claims.
     */
    @Test
    void aClientThatHangsUpWhileItsAnswerIsSentIsLoggedWithAnErrorIdAndTheClaimsStored() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger("org.chart2claim.payer.api");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        try {
            log.addAppender(events);
            String ledger = "hang-up-answer";
            int claims = 4_000; // an answer of about 6 MB: more than the server's socket can hold unsent (4 MB)
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096); // before connecting: the window the server may fill
                socket.connect(new java.net.InetSocketAddress("localhost", port()));
                send(socket, ledger, file(claims));
                java.io.InputStream in = socket.getInputStream();
                byte[] statusLine = new byte[12];
                int read = 0;
                while (read < statusLine.length) {
                    read += Math.max(0, in.read(statusLine, read, statusLine.length - read));
                }
                assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            } // closed with the answer mostly unread: the connection is reset while the server sends it

            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && answerLost(events).isEmpty()) {
                Thread.sleep(100);
            }
            List<String> lost = answerLost(events);
            assertThat(lost).as("the app logs the lost answer").hasSize(1);
            assertThat(lost.getFirst())
                    .containsPattern("API error [0-9a-f]{8} ")
                    .contains("after " + claims + " claims were stored in ledger '" + ledger + "'")
                    .contains("student");
            assertThat(app.bean(PayerClaimRepository.class).findByUsernameAndLedgerOrderByIdAsc("student", ledger))
                    .as("the claims stay stored")
                    .hasSize(claims);
        } finally {
            log.detachAppender(events);
        }
    }

    private static int port() {
        return Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port"));
    }

    private static void send(Socket socket, String ledger, byte[] file) throws java.io.IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/payer/claims?ledger=" + ledger + "&receivedOn=2026-04-10 HTTP/1.1\r\n"
                        + "Host: localhost\r\n"
                        + "Authorization: Basic "
                        + Base64.getEncoder().encodeToString(("student:" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                        + "\r\n"
                        + "Content-Type: application/edi-x12\r\n"
                        + "Accept: application/json\r\n"
                        + "Content-Length: " + file.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(file);
        out.flush();
    }

    private static List<String> answerLost(ListAppender<ILoggingEvent> events) {
        return logged(events, "the answer could not be sent");
    }

    private static List<String> goneEvents(ListAppender<ILoggingEvent> events) {
        return logged(events, "closed its connection");
    }

    private static List<String> logged(ListAppender<ILoggingEvent> events, String saying) {
        synchronized (events.list) {
            return events.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains(saying))
                    .toList();
        }
    }

    private static byte[] file(int count) {
        List<Member> members = PayerFixtures.rules().members().stream()
                .filter(m -> m.coverageEnd() == null)
                .toList();
        Iterator<Claim> generator = PayerPipelineBench.generated(members, new Random(5));
        List<Claim> claims = new ArrayList<>();
        while (claims.size() < count) {
            claims.add(generator.next());
        }
        return new Claim837Writer()
                .write(claims, new X12Envelope("TEST", "SIMPAYER", 1, LocalDateTime.of(2026, 4, 10, 8, 0), 'T'))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
