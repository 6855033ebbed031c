package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** A server error answers 500 with an error id, and the log line with the stack trace carries the same id. */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorAdviceTest {

    @Test
    void serverErrorsAreLoggedWithTheIdTheBodyCarries(CapturedOutput output) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/payer/claims");
        ResponseEntity<Object> answer = new ApiErrorAdvice()
                .unexpected(new IllegalStateException("secret internals"), new ServletWebRequest(request));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        ProblemDetail body = (ProblemDetail) answer.getBody();
        String errorId = (String) body.getProperties().get("errorId");
        assertThat(errorId).hasSize(8);
        assertThat(body.getDetail()).contains(errorId).doesNotContain("secret internals");
        assertThat(output.getOut()).contains("API error " + errorId + " on POST /api/payer/claims", "secret internals");
    }
}
