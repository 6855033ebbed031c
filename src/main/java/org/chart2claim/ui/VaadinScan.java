package org.chart2claim.ui;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.context.annotation.Configuration;

/**
 * Where Vaadin looks at start for routes, route aliases, layouts, error views, the app shell and the annotations it
 * validates: the view packages and {@code config} (the app shell), not the whole application. Each of Vaadin's start
 * listeners reads every class file below these packages; over all 1,000+ classes of the application (more with the
 * production jar's precomputed bean definitions) that was a quarter of the start's main thread (docs/PERFORMANCE.md).
 * {@code VaadinScanTest} fails when a Vaadin-scanned class lies outside these packages.
 */
@Configuration(proxyBeanMethods = false)
@EnableVaadin({
    "org.chart2claim.ui",
    "org.chart2claim.config",
    "org.chart2claim.account.ui",
    "org.chart2claim.appeal.ui",
    "org.chart2claim.assessment.ui",
    "org.chart2claim.authoring.ui",
    "org.chart2claim.billing.ui",
    "org.chart2claim.codebook.ui",
    "org.chart2claim.codebook.importer.ui",
    "org.chart2claim.coding.ui"
})
public class VaadinScan {}
