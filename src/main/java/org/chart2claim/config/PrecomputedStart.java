package org.chart2claim.config;

import java.net.URL;
import java.security.CodeSource;

/**
 * Whether a run uses the bean definitions Spring's ahead-of-time processing wrote into the production jar
 * ({@code spring-boot:process-aot} in the {@code production} profile): the start then skips parsing the
 * configuration classes and evaluating the auto-configuration conditions (docs/PERFORMANCE.md, "Restart").
 *
 * <p>Those definitions are frozen for the web server as built, so they are used only when all of this holds:
 *
 * <ul>
 *   <li>the application's classes come from a jar (the packaged jar, or the jar extracted from it), never from a
 *       class folder: development runs and tests always evaluate the configuration as it is now;
 *   <li>the jar holds the generated initializer (a jar built without the {@code production} profile has none);
 *   <li>the run is not the {@code import-codebooks} batch command, which starts without a web server and Vaadin
 *       ({@code ImportCommandEnvironment}), a different set of beans;
 *   <li>nobody decided otherwise: {@code -Dspring.aot.enabled=false} (or {@code true}) on the command line wins.
 * </ul>
 */
public final class PrecomputedStart {

    /** Spring's switch (read by {@code org.springframework.aot.AotDetector}). */
    public static final String PROPERTY = "spring.aot.enabled";

    private static final String BATCH_COMMAND = "import-codebooks";

    private PrecomputedStart() {}

    /** Sets {@value #PROPERTY} for this JVM when {@link #applies} says so; returns whether it did. */
    public static boolean enableFor(Class<?> application, String[] args) {
        CodeSource source = application.getProtectionDomain().getCodeSource();
        boolean generated = application
                        .getClassLoader()
                        .getResource(initializerName(application).replace('.', '/') + ".class")
                != null;
        if (applies(System.getProperty(PROPERTY), source == null ? null : source.getLocation(), generated, args)) {
            System.setProperty(PROPERTY, "true");
            return true;
        }
        return false;
    }

    /** The class {@code process-aot} generates for {@code application}'s context. */
    static String initializerName(Class<?> application) {
        return application.getName() + "__ApplicationContextInitializer";
    }

    static boolean applies(String explicitSetting, URL classesLocation, boolean initializerPresent, String[] args) {
        if (explicitSetting != null) {
            return false; // the command line decides, either way
        }
        if (!initializerPresent || classesLocation == null || !fromJar(classesLocation.toString())) {
            return false;
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                return !BATCH_COMMAND.equals(arg.strip()); // the first word decides, as in ImportCommandEnvironment
            }
        }
        return true;
    }

    /**
     * {@code jar:nested:/srv/app.jar/!BOOT-INF/classes/!/} (packaged) or {@code file:/srv/app/app.jar} (extracted)
     * are jars; {@code file:/work/target/classes/} is a class folder.
     */
    static boolean fromJar(String location) {
        return location.startsWith("jar:") || location.endsWith(".jar");
    }
}
