package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 16: bodies are bounded before they are read, also Vaadin's (admin upload) and chunked ones. */
class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(RequestLimits.defaults());

    @Test
    void eachPathHasItsLimit() {
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/api/payer/claims")))
                .isEqualTo(32 * RequestLimits.MB);
        // a large claim file sent as a job has the same limit as one sent directly
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/api/payer/claim-jobs")))
                .isEqualTo(32 * RequestLimits.MB);
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/api/scenarios/x/attempts")))
                .isEqualTo(RequestLimits.MB);
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/VAADIN/dynamic/resource/1/upload")))
                .isEqualTo(64 * RequestLimits.MB);
    }

    @Test
    void anUploadDeclaredOver64MbIsRefusedWithoutReadingIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/VAADIN/dynamic/resource/1/upload") {
            @Override
            public long getContentLengthLong() {
                return 65 * RequestLimits.MB;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> reached = new AtomicReference<>(false);
        filter.doFilter(request, response, (req, res) -> reached.set(true));
        assertThat(reached.get()).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than 64 MB");
    }

    @Test
    void aChunkedBodyStopsAtTheLimitWhileBeingRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/scenarios/x/attempts") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: size unknown until read
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(new byte[(int) RequestLimits.MB + 10]);
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            InputStream in = ((HttpServletRequest) req).getInputStream();
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(RequestBodyLimitFilter.BodyTooLargeException.class)
                    .hasMessageContaining("larger than 1 MB");
        });
    }
}
