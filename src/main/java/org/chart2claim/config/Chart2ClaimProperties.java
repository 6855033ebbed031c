package org.chart2claim.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code chart2claim.*}.
 *
 * @param dataDir        where the app keeps its files (H2 database, search index, imported code sets)
 * @param codebooksDir   an external code-book folder to use instead of the shipped one (empty: shipped)
 * @param scenariosDir   an external scenario folder to use instead of the shipped one (empty: shipped)
 * @param demoPassword   password of the demo accounts seeded into an empty database
 */
@ConfigurationProperties(prefix = "chart2claim")
public record Chart2ClaimProperties(String dataDir, String codebooksDir, String scenariosDir, String demoPassword) {

    public Chart2ClaimProperties {
        if (dataDir == null || dataDir.isBlank()) {
            dataDir = "./data";
        }
    }
}
