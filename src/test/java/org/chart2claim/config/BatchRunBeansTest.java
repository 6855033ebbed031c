package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The {@code import-codebooks} command runs the application without a web server: a bean that needs the web
 * layer's request mappings must stay out of that context, or the README's import command fails at start.
 */
class BatchRunBeansTest {

    @Test
    void theApiFallbackIsLeftOutOfABatchRun() {
        new ApplicationContextRunner()
                .withUserConfiguration(ApiFallbackController.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ApiFallbackController.class);
                });
    }

    @Test
    void aWebApplicationStillHasIt() {
        new WebApplicationContextRunner()
                .withUserConfiguration(ApiFallbackController.class)
                .withBean(
                        "requestMappingHandlerMapping",
                        org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
                .run(context -> assertThat(context).hasSingleBean(ApiFallbackController.class));
    }
}
