package org.chart2claim.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Hands {@link Json#MAPPER} to Spring, so the API reads and writes bodies with the same mapper as the rest. */
@Configuration
public class JsonConfig {
    @Bean
    public JsonMapper jsonMapper() {
        return Json.MAPPER;
    }
}
