package org.chart2claim.config;

import jakarta.servlet.ServletRequest;
import java.util.function.BooleanSupplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the client of a request is still there, for work that runs long after the request's body was read (a
 * large claim file): TCP tells the server that the client closed its connection only as the end of what it sent, so
 * the server notices it by looking past the end of the request's body without waiting. On Tomcat (the app's server)
 * a valve gives each request that look as a request attribute; elsewhere (MockMvc, HTTP/2) nothing is known and the
 * client counts as present.
 *
 * <p>Ask only once the whole body has been read: before that, what follows it is the body itself. Bytes after the
 * body count as a client gone too: an HTTP/1.1 client sends nothing behind a POST before its answer (RFC 9112
 * §9.3.2: no pipelining after a non-idempotent request).
 */
@Configuration(proxyBeanMethods = false)
public class ClientConnection {
    /** The request attribute holding the look ({@link BooleanSupplier}: true when the client is gone). */
    public static final String GONE = ClientConnection.class.getName() + ".gone";

    /** The client closed its connection (or sent more than its request): the work done for it is rolled back. */
    public static final class GoneException extends RuntimeException {
        private final int claimsDone;

        public GoneException(int claimsDone) {
            super("The client closed its connection before the answer was ready.");
            this.claimsDone = claimsDone;
        }

        /** How many of the request's claims had been decided when the loss was noticed. */
        public int claimsDone() {
            return claimsDone;
        }
    }

    /** Whether the client of {@code request} is known to be gone (false when the server cannot tell). */
    public static boolean gone(ServletRequest request) {
        return request.getAttribute(GONE) instanceof BooleanSupplier look && look.getAsBoolean();
    }

    /** Throws {@link GoneException} when the client of {@code request} is gone; {@code done} claims were decided. */
    public static void requirePresent(ServletRequest request, int done) {
        if (gone(request)) {
            throw new GoneException(done);
        }
    }

    @Bean
    TomcatContextCustomizer clientConnectionValve() {
        return context -> context.getPipeline().addValve(new LookPastTheBody());
    }

    /**
     * Tomcat's non-blocking look at the connection (the one {@code ServletInputStream.isReady} uses): with the body
     * read, it reads what is waiting on the socket into Tomcat's own buffer (so nothing is lost) and answers whether
     * anything is there; the end of the stream or a reset counts as something, so the next read would fail.
     */
    static final class LookPastTheBody extends ValveBase {
        LookPastTheBody() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response)
                throws java.io.IOException, jakarta.servlet.ServletException {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            request.setAttribute(GONE, (BooleanSupplier) () -> {
                coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
                return coyote.getAvailable() > 0;
            });
            getNext().invoke(request, response);
        }
    }
}
