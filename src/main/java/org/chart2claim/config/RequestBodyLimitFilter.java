package org.chart2claim.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it into memory: a declared {@code Content-Length} over
 * the limit is refused with 413 at once, and a body without one (chunked) fails with 413 as soon as it
 * passes the limit. Claim files ({@code POST /api/payer/claims}, and as a job {@code /api/payer/claim-jobs}) may be
 * large, other API calls are small,
 * and everything else (Vaadin's requests, the admin's code-set uploads) is capped at the upload limit.
 * Large bodies also take one of a few permits, so a burst of them queues instead of filling the heap;
 * a caller that waits too long gets 503 with {@code Retry-After}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    /** Bodies above this size (or of unknown size) need a permit. */
    static final long LARGE_BODY = 1024 * 1024;

    private static final int RETRY_AFTER_SECONDS = 10;

    private final RequestLimits limits;
    private final Semaphore largeBodies;

    public RequestBodyLimitFilter(RequestLimits limits) {
        this.limits = limits;
        this.largeBodies = new Semaphore(Math.max(1, limits.largeBodiesAtOnce()), true);
    }

    /** The body passed its limit while being read. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("The request body is larger than " + describe(limit) + ".");
        }
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/payer/claims") || path.equals("/api/payer/claim-jobs")) {
            return limits.claimFileBytes();
        }
        if (path.startsWith("/api/")) {
            return limits.apiBodyBytes();
        }
        return limits.uploadBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean mayHaveBody = declared > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (!mayHaveBody) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitFor(request);
        if (declared > limit) {
            log.info("Refused a {} byte body on {} (limit {})", declared, ApiProblems.safePath(request), limit);
            ApiProblems.write(
                    request,
                    response,
                    ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, new BodyTooLargeException(limit).getMessage()));
            return;
        }
        HttpServletRequest bounded = new BoundedRequest(request, limit);
        if (declared >= 0 && declared <= LARGE_BODY) {
            chain.doFilter(bounded, response);
            return;
        }
        boolean permitted;
        try {
            permitted = largeBodies.tryAcquire(limits.largeBodyWaitSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            log.warn("Busy with large request bodies; answered 503 to {}", ApiProblems.safePath(request));
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            ApiProblems.write(
                    request,
                    response,
                    ApiProblems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "The server is busy with other large requests; retry in " + RETRY_AFTER_SECONDS + " s."));
            return;
        }
        try {
            chain.doFilter(bounded, response);
        } finally {
            largeBodies.release();
        }
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** Counts what the application reads and stops at the limit. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        BoundedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
