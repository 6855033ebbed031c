package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** When a run uses the bean definitions precomputed at build time (Spring AOT): the production jar's web start only. */
class PrecomputedStartTest {

    private static final String[] NO_ARGS = {};

    @Test
    void thePackagedJarAndTheJarExtractedFromItUseThem() throws Exception {
        assertThat(PrecomputedStart.applies(null, url("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/"), true, NO_ARGS))
                .isTrue();
        assertThat(PrecomputedStart.applies(null, url("file:/srv/app/chart2claim.jar"), true, NO_ARGS))
                .isTrue();
        assertThat(PrecomputedStart.applies(null, url("file:/srv/app/chart2claim.jar"), true, new String[] {
                    "--server.port=9090", "--spring.profiles.active=postgres"
                }))
                .isTrue();
    }

    @Test
    void classFoldersNeverDoEvenWhenAProductionBuildLeftGeneratedClassesThere() throws Exception {
        assertThat(PrecomputedStart.applies(null, url("file:/work/target/classes/"), true, NO_ARGS))
                .isFalse();
    }

    @Test
    void aJarWithoutTheGeneratedInitializerDoesNot() throws Exception {
        assertThat(PrecomputedStart.applies(null, url("file:/srv/app/chart2claim.jar"), false, NO_ARGS))
                .isFalse();
    }

    @Test
    void theBatchImportStartsWithoutThemItHasNoWebServer() throws Exception {
        URL jar = url("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/");
        assertThat(PrecomputedStart.applies(null, jar, true, new String[] {"import-codebooks", "/data/order.txt"}))
                .isFalse();
        assertThat(PrecomputedStart.applies(
                        null, jar, true, new String[] {"--chart2claim.data-dir=/d", "import-codebooks", "x.txt"}))
                .isFalse();
        assertThat(PrecomputedStart.applies(null, jar, true, new String[] {"--import-codebooks"}))
                .isTrue();
    }

    @Test
    void anExplicitSettingOnTheCommandLineWins() throws Exception {
        URL jar = url("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/");
        assertThat(PrecomputedStart.applies("false", jar, true, NO_ARGS)).isFalse();
        assertThat(PrecomputedStart.applies("true", jar, true, NO_ARGS))
                .as("already on: nothing to set")
                .isFalse();
    }

    @Test
    void theTestClassPathHasNoGeneratedInitializerSoNothingIsSet() {
        String before = System.getProperty(PrecomputedStart.PROPERTY);
        assertThat(PrecomputedStart.enableFor(org.chart2claim.Application.class, NO_ARGS))
                .isFalse();
        assertThat(System.getProperty(PrecomputedStart.PROPERTY)).isEqualTo(before);
    }

    private static URL url(String spec) throws Exception {
        if (spec.startsWith("jar:nested:")) {
            // the nested: protocol handler is Spring Boot's loader's; a plain URL of the same text is enough here
            return new URL(null, spec, new java.net.URLStreamHandler() {
                @Override
                protected java.net.URLConnection openConnection(URL u) {
                    throw new UnsupportedOperationException();
                }
            });
        }
        return URI.create(spec).toURL();
    }
}
