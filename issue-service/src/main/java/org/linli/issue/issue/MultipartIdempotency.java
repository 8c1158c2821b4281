package org.linli.issue.issue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the platform's Idempotency-Key work for multipart submissions (QR reports and reports with
 * photos). The platform filter reads the raw body to hash it, which leaves nothing for the servlet
 * container to parse the parts from. This filter runs just before it: it lets the container parse
 * the parts first (they stay cached on the request) and presents, as the body to hash, a canonical
 * digest of the parts (name, file name, content type, SHA-256 of the content) — so a retry matches
 * whatever multipart boundary the client picks, and a different photo with the same key is refused.
 */
@Configuration(proxyBeanMethods = false)
class MultipartIdempotency {

    static final String HEADER = "Idempotency-Key";

    @Bean
    FilterRegistrationBean<PartsFirst> multipartIdempotencyFilter() {
        FilterRegistrationBean<PartsFirst> registration = new FilterRegistrationBean<>(new PartsFirst());
        registration.setOrder(-1);
        return registration;
    }

    static class PartsFirst extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String type = request.getContentType();
            return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || type == null
                    || !type.toLowerCase().startsWith("multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            byte[] canonical;
            try {
                canonical = canonical(request.getParts());
            } catch (IllegalStateException | ServletException tooLargeOrMalformed) {
                chain.doFilter(request, response); // the multipart resolver will answer 413/400
                return;
            }
            chain.doFilter(new CanonicalBody(request, canonical), response);
        }

        private static byte[] canonical(Iterable<Part> parts) throws IOException {
            List<String> lines = new ArrayList<>();
            for (Part part : parts) {
                lines.add(part.getName() + "\t" + part.getSubmittedFileName() + "\t" + part.getContentType() + "\t"
                        + part.getSize() + "\t" + sha256(part.getInputStream()));
            }
            lines.sort(Comparator.naturalOrder());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        }

        private static String sha256(InputStream in) throws IOException {
            try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
                digest.transferTo(OutputStreamDiscard.INSTANCE);
                return HexFormat.of().formatHex(digest.getMessageDigest().digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** The request whose body, for whoever reads it as a stream, is the canonical digest of its parts. */
    private static final class CanonicalBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CanonicalBody(HttpServletRequest request, byte[] body) {
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
