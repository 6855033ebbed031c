package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class DataDirEnvironmentTest {

    @Test
    void aRelativeDataDirBecomesAbsoluteSoTheH2UrlIsAccepted() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MockPropertySource()
                        .withProperty("chart2claim.data-dir", "school-data")
                        .withProperty("spring.datasource.url", "jdbc:h2:file:${chart2claim.data-dir}/chart2claim"));

        new DataDirEnvironment().postProcessEnvironment(environment, new SpringApplication());

        String expected = Path.of("school-data").toAbsolutePath().normalize().toString();
        assertThat(environment.getProperty("chart2claim.data-dir")).isEqualTo(expected);
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + expected + "/chart2claim");
    }
}
