package org.chart2claim.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code chart2claim.data-dir} into an absolute path before anything reads it. H2 refuses database
 * URLs that are implicitly relative ({@code data/x} rather than {@code ./data/x}), so a school passing
 * {@code --chart2claim.data-dir=mydata} would otherwise get a start-up failure.
 */
public class DataDirEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("chart2claim.data-dir");
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("chart2claim-data-dir", Map.of("chart2claim.data-dir", absolute)));
    }
}
