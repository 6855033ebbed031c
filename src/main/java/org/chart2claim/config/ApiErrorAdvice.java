package org.chart2claim.config;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place that turns a REST controller's exception into the API's problem body (see
 * {@link ApiProblems}): Spring MVC's own errors (unreadable body, wrong method or media type, missing
 * parameter) with their status, {@code ResponseStatusException}s thrown by controllers, unreadable JSON as
 * 400, a body over its limit as 413, a denied method as 403, and anything else as 500 with an error id that
 * is logged with the stack trace (the body never carries one). Features add their own errors in advices
 * ordered before this one (e.g. the payer's X12 and claim-size errors); the body shape stays this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimitFilter.BodyTooLargeException tooLarge =
                cause(ex, RequestBodyLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), request);
        }
        JacksonException json = cause(ex, JacksonException.class);
        String detail = json != null
                ? "The JSON body could not be read: " + json.getOriginalMessage()
                : "The request body is missing or unreadable.";
        return problem(HttpStatus.BAD_REQUEST, detail, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the server accepts.", request);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> unreadableJson(JacksonException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "The JSON body could not be read: " + e.getOriginalMessage(), request);
    }

    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyLimitFilter.BodyTooLargeException e, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), request);
    }

    /** Method security (@RolesAllowed) denied the caller: 403, as the filter chain would answer. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not use this endpoint.", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "Authentication required", request);
    }

    /** Anything unexpected: 500 with an id that the log line carries too, so a report can be matched. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error {} on {}", errorId, describe(request), e);
        ProblemDetail body = ApiProblems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not answer this request. Quote error id " + errorId + " when reporting it.");
        body.setProperty("errorId", errorId);
        return withInstance(body, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
        return withInstance(ApiProblems.of(status, detail), request);
    }

    private static ResponseEntity<Object> withInstance(ProblemDetail body, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            body.setInstance(URI.create(ApiProblems.safePath(servlet.getRequest())));
        }
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    private static String describe(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest r = servlet.getRequest();
            return r.getMethod() + " " + ApiProblems.safePath(r);
        }
        return request.getDescription(false);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
