package org.linli.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.linli.platform.domain.NewIds;
import org.linli.platform.protection.KeyedHash;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POSTs: the first request with a key runs and its successful answer is
 * kept for the retention (24 hours); a retry with the same key and the same body gets that answer again
 * without running twice; the same key with another body answers 422 {@code idempotency-key-reused}, and
 * a retry while the first is still running answers 409 {@code idempotency-key-in-progress}. Keys are
 * per caller (token subject, or "anonymous") and per path. A failed first request keeps nothing, so
 * the client may retry it. A multipart body (a report with photos) is compared by its parts. Bodies are
 * compared by a keyed hash and the kept answer is sealed (docs/protection.md): either may hold a phone number.
 *
 * <p>A running request holds its key as a short lease ({@link IdempotencyLeases} renews it): when its
 * process dies, the key is free again one lease later and a retry runs the request again. Inside the
 * request {@link NewIds} are derived from the key, so that retry finds the aggregate the dead run
 * created instead of creating another.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 128;

    private final IdempotencyStore store;
    private final KeyedHash bodyHashes;
    private final ProblemResponses problems;
    private final IdempotencyLeases leases;
    private final Clock clock;
    private final Duration retention;

    IdempotencyFilter(IdempotencyStore store, KeyedHash bodyHashes, IdempotencyLeases leases, ProblemResponses problems,
                      Clock clock, Duration retention) {
        this.store = store;
        this.bodyHashes = bodyHashes;
        this.leases = leases;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, 400, "invalid-idempotency-key");
            return;
        }
        HttpServletRequest forwarded;
        String bodyHash;
        if (isMultipart(request)) {
            try {
                bodyHash = bodyHashes.of(partsDigest(request.getParts()));
            } catch (IllegalStateException | ServletException tooLargeOrMalformed) {
                chain.doFilter(request, response); // the multipart resolver answers 413 or 400
                return;
            }
            forwarded = request; // the container keeps the parsed parts for the handler
        } else {
            byte[] body = request.getInputStream().readAllBytes();
            bodyHash = bodyHashes.of(new String(body, StandardCharsets.ISO_8859_1));
            forwarded = new ReplayableRequest(request, body);
        }
        String id = sha256(caller() + "\n" + request.getRequestURI() + "\n" + key);
        String owner = UUID.randomUUID().toString();
        try {
            // a new key (almost every request) costs one insert; the key's earlier entry is read only on a clash
            if (!store.claim(id, bodyHash, owner, clock.instant().plus(leases.lease()))) {
                Optional<IdempotencyStore.Entry> earlier = store.find(id, clock.instant());
                if (earlier.isPresent()) {
                    answerFrom(earlier.get(), bodyHash, request, response);
                    return;
                }
                if (!store.begin(id, bodyHash, owner, clock.instant(), clock.instant().plus(leases.lease()))) {
                    problems.write(request, response, 409, "idempotency-key-in-progress");
                    return;
                }
            }
        } catch (DataAccessResourceFailureException storeDown) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ProblemHandler.RETRY_AFTER_SECONDS);
            problems.write(request, response, 503, "service-unavailable");
            return;
        }
        leases.hold(id, owner);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try (NewIds.Scope seeded = NewIds.seeded(id)) {
            try {
                chain.doFilter(forwarded, recorded);
            } finally {
                // before the answer is kept: a heartbeat after that would find the claim completed, not renewable
                leases.release(id, owner);
            }
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                store.complete(id, owner, clock.instant().plus(retention), recorded.getStatus(),
                        recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.forget(id, owner);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerFrom(IdempotencyStore.Entry entry, String bodyHash, HttpServletRequest request,
                            HttpServletResponse response) throws IOException {
        if (!entry.bodyHash().equals(bodyHash)) {
            problems.write(request, response, 422, "idempotency-key-reused");
        } else if (!entry.completed()) {
            problems.write(request, response, 409, "idempotency-key-in-progress");
        } else {
            response.setStatus(entry.status());
            if (entry.contentType() != null) {
                response.setContentType(entry.contentType());
            }
            if (entry.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, entry.location());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(entry.body());
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /**
     * A multipart body compared by its parts (name, file name, type, size and SHA-256 of the content, in
     * name order), not its bytes: reading the raw stream would leave the container no parts to parse, and
     * a retry may well pick another boundary.
     */
    private static String partsDigest(Collection<Part> parts) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Part part : parts) {
            try (InputStream content = part.getInputStream()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[8192];
                for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
                lines.add(part.getName() + "\t" + part.getSubmittedFileName() + "\t" + part.getContentType() + "\t"
                        + part.getSize() + "\t" + HexFormat.of().formatHex(digest.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        lines.sort(Comparator.naturalOrder());
        return String.join("\n", lines);
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
