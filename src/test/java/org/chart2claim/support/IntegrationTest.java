package org.chart2claim.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration of the project: every Spring test uses it unchanged, so the whole
 * suite starts the application context once (in-memory H2, files under target/test-data).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {

    /** The password of the seeded demo accounts in tests (see application-test.properties). */
    String DEMO_PASSWORD = "demo-password-1";
}
