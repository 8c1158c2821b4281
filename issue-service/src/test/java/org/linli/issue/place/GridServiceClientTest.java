package org.linli.issue.place;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grid-service fallback against a stub server: answers, 404s, slowness and outages. */
class GridServiceClientTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void answersTheFinestGridAndForwardsTheCallersToken() throws IOException {
        AtomicReference<String> authorization = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        String url = serve(200, "{\"grid\": {\"id\": \"g-remote\", \"level\": \"MICRO\"}, \"path\": []}", 0,
                authorization, query);

        GridServiceClient client = new GridServiceClient(url, Duration.ofMillis(500));

        assertThat(client.locate(36.2, 113.4, "token-1")).contains("g-remote");
        assertThat(authorization.get()).isEqualTo("Bearer token-1");
        assertThat(query.get()).contains("lat=36.2").contains("lng=113.4");
    }

    @Test
    void outsideEveryGridIsAnAnswerNotAFailure() throws IOException {
        String url = serve(404, "{}", 0, new AtomicReference<>(), new AtomicReference<>());
        GridServiceClient client = new GridServiceClient(url, Duration.ofMillis(500));

        for (int i = 0; i < 10; i++) {
            assertThat(client.locate(1, 1, null)).isEmpty();
        }
        assertThat(client.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSlowGridServiceTimesOutAndADeadOneOpensTheBreaker() throws IOException {
        String url = serve(200, "{\"grid\": {\"id\": \"late\"}}", 1500, new AtomicReference<>(), new AtomicReference<>());
        GridServiceClient slow = new GridServiceClient(url, Duration.ofMillis(200));
        long started = System.nanoTime();
        assertThat(slow.locate(1, 1, null)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));

        GridServiceClient dead = new GridServiceClient("http://127.0.0.1:9", Duration.ofMillis(200));
        for (int i = 0; i < 6; i++) {
            assertThat(dead.locate(1, 1, null)).isEmpty();
        }
        assertThat(dead.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private String serve(int status, String body, long delayMillis, AtomicReference<String> authorization,
                         AtomicReference<String> query) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/grids/locate", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            query.set(exchange.getRequestURI().getQuery());
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
