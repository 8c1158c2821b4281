package org.linli.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for org-service: serves a JWKS and one API path, and mints tokens signed with its key. */
final class StubUpstream implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    volatile String lastAuthorization;
    /** What the readiness probe answers: 200, or 503 to stand for an instance that is down. */
    volatile int readiness = 200;
    /** How many calls of the org-units list this instance served. */
    final AtomicInteger listCalls = new AtomicInteger();

    /** How many statistics calls reached this instance. */
    final AtomicInteger statisticsCalls = new AtomicInteger();

    /** How long the slow endpoint takes: beyond the tests' time limit. */
    static final long SLOW_MILLIS = 1500;

    StubUpstream() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange ->
                reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/api/v1/org-units", exchange -> {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            listCalls.incrementAndGet();
            reply(exchange, 200, "{\"content\":[],\"page\":{\"number\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}}");
        });
        server.createContext("/actuator/health/routing", exchange ->
                reply(exchange, readiness, readiness == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}"));
        server.createContext("/v3/api-docs", exchange -> reply(exchange, 200, "{\"openapi\":\"3.1.0\"}"));
        server.createContext("/api/v1/org-units/busy", exchange -> {
            sleep(300);
            reply(exchange, 200, "{}");
        });
        server.createContext("/api/v1/org-units/slow", exchange -> {
            sleep(SLOW_MILLIS);
            reply(exchange, 200, "{}");
        });
        // issue-service's, for a stub standing in for it: statistics beyond the time limit, the list at once
        server.createContext("/api/v1/issues/statistics", exchange -> {
            statisticsCalls.incrementAndGet();
            sleep(SLOW_MILLIS);
            reply(exchange, 200, "{}");
        });
        server.createContext("/api/v1/issues", exchange -> reply(exchange, 200, "{\"content\":[]}"));
        // org-service's personal-data paths; a path routed elsewhere never reaches this prefix
        server.createContext("/api/v1/personal-data", exchange -> reply(exchange, 200, "{\"owner\":\"org-service\"}"));
        server.createContext("/api/v1/correction-requests", exchange -> reply(exchange, 200, "{\"owner\":\"org-service\"}"));
        server.createContext("/springwolf/docs", exchange -> reply(exchange, 200, "{\"asyncapi\":\"3.0.0\"}"));
        // daemon threads: a stub left idle must not keep the test JVM alive after the last test
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-upstream");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A started stub, for a static field. */
    static StubUpstream started() {
        try {
            return new StubUpstream();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String token(String subject, List<String> roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                    .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
