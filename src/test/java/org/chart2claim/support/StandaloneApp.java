package org.chart2claim.support;

import org.chart2claim.Application;
import org.chart2claim.account.DemoAccountsSeeder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Starts a whole extra application (real web server on a random port) beside the shared test context,
 * e.g. to test a restart or another database. Vaadin installs its security-context strategy into a
 * JVM-wide static on start; closing this puts the shared context's strategy back, so later tests in the
 * same JVM still see their logins.
 */
public final class StandaloneApp implements AutoCloseable {

    private final SecurityContextHolderStrategy previousStrategy = SecurityContextHolder.getContextHolderStrategy();
    private final ConfigurableApplicationContext context;

    private StandaloneApp(int port, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        // the given port (0: a random free one) unless the caller names one
        if (all.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=" + port);
        }
        all.add("--spring.main.banner-mode=off");
        this.context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .run(all.toArray(String[]::new));
        // the demo accounts are a background start step: wait for them as a first login does, so a test or a
        // documentation tool may act as those users at once
        context.getBeanProvider(DemoAccountsSeeder.class).ifAvailable(DemoAccountsSeeder::ensureStarted);
    }

    /** Starts the app with command-line style arguments ({@code --name=value}), which outrank application.properties. */
    public static StandaloneApp start(String... args) {
        return new StandaloneApp(0, args);
    }

    /** The same on a given port (documentation tools that must stay in a helper's port range). */
    public static StandaloneApp startOnPort(int port, String... args) {
        return new StandaloneApp(port, args);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(previousStrategy);
        }
    }
}
