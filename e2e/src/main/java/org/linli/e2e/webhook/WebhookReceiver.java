package org.linli.e2e.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A county system's webhook endpoint inside the e2e JVM: the JDK's HTTP server on a free port, answering 204 and
 * keeping each request (path, the three Linli-Webhook headers, the raw body). issue-service must be allowed to
 * call it ({@code linli.webhooks.allowed-hosts}; ./linli allows localhost); {@code LINLI_E2E_WEBHOOK_HOST} names
 * the host issue-service reaches this JVM by (127.0.0.1 by default, as under ./linli).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final String host;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server, String host) {
        this.server = server;
        this.host = host;
    }

    public static WebhookReceiver start() {
        String host = System.getenv().getOrDefault("LINLI_E2E_WEBHOOK_HOST", "127.0.0.1");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server, host);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                receiver.received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("Linli-Webhook-Id"),
                        headers.getFirst("Linli-Webhook-Timestamp"), headers.getFirst("Linli-Webhook-Signature"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL a subscription names for {@code path}. */
    public String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** What arrived at {@code path} so far. */
    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
