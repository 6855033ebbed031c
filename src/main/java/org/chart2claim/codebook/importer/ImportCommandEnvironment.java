package org.chart2claim.codebook.importer;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the first command-line word is {@code import-codebooks}, the run is a batch job: no web server,
 * no banner, no Vaadin (same effect as {@code --spring.main.web-application-type=none}).
 * Registered in META-INF/spring.factories.
 */
public class ImportCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String nonOptionArgs = environment.getProperty("nonOptionArgs", "");
        String first = nonOptionArgs.split(",", 2)[0].strip();
        if (ImportCodebooksCommand.COMMAND.equals(first)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "import-codebooks-command",
                            Map.of(
                                    "spring.main.web-application-type", "none",
                                    "spring.main.banner-mode", "off",
                                    // Vaadin's auto-configuration assumes a servlet context even when there is none.
                                    "spring.autoconfigure.exclude",
                                            "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                                    + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")));
        }
    }
}
