package org.chart2claim.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser that lands on Spring's {@code /error} (opened directly, or an error outside Vaadin) is sent to the
 * app's own error page in the layout instead of a white-label page; API clients keep their JSON errors
 * (this resolver is only asked for HTML).
 */
@Component
public class ErrorPageRedirect implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return new ModelAndView(status == HttpStatus.NOT_FOUND ? "redirect:/not-found" : "redirect:/error-page");
    }
}
