package org.chart2claim.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An {@code /api/...} request that no endpoint serves answers a problem body, not the Vaadin page that the
 * UI servlet would otherwise render for any unmatched path: 404 for an unknown path, 405 or 415 when the
 * path exists but not for this method or content type. Every real endpoint's mapping is more specific.
 * Only in a web application: the {@code import-codebooks} batch run has no request mappings to ask.
 */
@RestController
@ConditionalOnWebApplication
public class ApiFallbackController {

    private final RequestMappingHandlerMapping mappings;

    public ApiFallbackController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    public void unmatched(HttpServletRequest request) {
        String path = ApiProblems.safePath(request);
        Set<String> methods = new LinkedHashSet<>();
        boolean methodMatches = false;
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getPatternValues().contains("/api/**")
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            methodMatches |= info.getMethodsCondition().getMatchingCondition(request) != null;
        }
        if (methods.isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "No API endpoint " + request.getMethod() + " " + path + " (see the REST API table in the README).");
        }
        if (!methodMatches) {
            throw new ResponseStatusException(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    path + " answers " + methods.stream().sorted().collect(Collectors.joining(", ")) + ", not "
                            + request.getMethod() + ".");
        }
        throw new ResponseStatusException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                path + " does not take Content-Type '" + request.getContentType() + "'.");
    }
}
