package org.chart2claim.config;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's one JSON mapper: stored claims, results and attempts, the REST API's bodies (Spring MVC
 * uses this instance, see {@link JsonConfig}) and the problems written by filters. Unknown properties are
 * ignored so that rows stored by an older version still read; a missing number reads as 0.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(
                    DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // RFC 9457: a problem's extra properties are top-level members, as Spring's own mapper writes them
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Json() {}
}
