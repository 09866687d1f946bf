package io.shieldfab.gateway.webhook;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One webhook request as {@link WebhookSender} makes it, against real sockets: what it records for an answer, a
 * refused connection and a receiver that hangs up, in words that name no exception (docs/api-guide.md, "Webhooks").
 */
class WebhookSendTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static Vertx vertx;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        // as the sender's: one request per connection
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static RequestOptions post(int port) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI("/hook");
    }

    @Test
    void everyShortAnswerIsRecordedAsItsStatus() throws Exception {
        // A 204 arrives whole in one read, so it has often ended by the time the code that looks at its status runs:
        // each of these deliveries must still count as the receiver's 204, never as a failure.
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        ExecutorService answering = Executors.newFixedThreadPool(4);
        receiver.setExecutor(answering);
        receiver.start();
        int port = receiver.getAddress().getPort();
        try {
            // Sent from eight threads at once, as the handoff workers deliver: the pool may give a connection made
            // on one thread's event loop to another thread's request, whose callbacks then run on the other loop
            // while the connection's own goes on reading.
            ExecutorService senders = Executors.newFixedThreadPool(8);
            List<Future<WebhookSender.Attempt>> sent = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                String id = "h" + i;
                sent.add(senders.submit(() -> WebhookSender.send(client, post(port), "{}", TIMEOUT, id)));
            }
            List<WebhookSender.Attempt> attempts = new ArrayList<>();
            for (Future<WebhookSender.Attempt> f : sent) {
                attempts.add(f.get());
            }
            senders.shutdown();
            assertThat(attempts).allSatisfy(a -> assertThat(a).isEqualTo(new WebhookSender.Attempt(204, null, false)));
        } finally {
            receiver.stop(0);
            answering.shutdown();
        }
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        WebhookSender.Attempt attempt = WebhookSender.send(client, post(closedPort), "{}", TIMEOUT, "h");

        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error()).isEqualTo("delivery failed: the receiver refused the connection");
        assertThat(attempt.giveUp()).isFalse();
    }

    @Test
    void aReceiverThatHangsUpWithoutAnAnswerSaysSo() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                try (Socket s = receiver.accept(); InputStream in = s.getInputStream()) {
                    in.read(new byte[256]);
                } catch (IOException ignored) {
                    // the test below sees what the sender made of it
                }
            });
            hangUp.start();
            WebhookSender.Attempt attempt = WebhookSender.send(client, post(receiver.getLocalPort()), "{}", TIMEOUT, "h");
            hangUp.join();

            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.error()).isEqualTo("delivery failed: the receiver closed the connection before answering");
        }
    }

    @Test
    void noFailureNamesAnException() {
        // the chain is walked: Vert.x wraps the handshake's failure
        assertThat(WebhookSender.failure(new RuntimeException(new javax.net.ssl.SSLHandshakeException("10.1.2.3"))))
                .startsWith("delivery failed: SSL/TLS handshake");
        assertThat(WebhookSender.failure(new IllegalStateException("at 10.1.2.3")))
                .isEqualTo("delivery failed: the request ended before the receiver answered");
        for (Throwable t : List.of(new java.net.ConnectException("Connection refused: /10.1.2.3:80"),
                new io.netty.channel.ConnectTimeoutException("connection timed out: /10.1.2.3:80"),
                new io.vertx.core.http.HttpClosedException("closed"), new IllegalStateException())) {
            assertThat(WebhookSender.failure(t)).doesNotContain("Exception").doesNotContain("10.1.2.3");
        }
    }
}
