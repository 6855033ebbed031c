package org.chart2claim;

import org.chart2claim.config.PrecomputedStart;
import org.chart2claim.config.SelfLaunch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Chart2Claim: a simulated revenue cycle for training medical coders and billers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        // a plain java -jar of the production jar serves from a child JVM with class-data sharing: half the start
        SelfLaunch.runInChildJvmOrReturn(Application.class, args);
        // the production jar carries its bean definitions precomputed at build time: a faster start
        PrecomputedStart.enableFor(Application.class, args);
        SpringApplication.run(Application.class, args);
    }
}
