package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands on a machine whose default java is older than 21: {@code ./mvnw} sources
 * {@code .mvn/select-jdk.sh}, which picks an installed JDK 21+ and says so in one line, or says in one
 * line what to install. Runs the script with an old JDK as JAVA_HOME (skipped where none is installed).
 */
class SelectJdkScriptTest {
    private static final Path SCRIPT = Path.of(".mvn", "select-jdk.sh").toAbsolutePath();

    record Run(int exit, String out, String err) {}

    @Test
    void anInstalledNewerJdkIsChosenWhenTheDefaultIsOlder() throws Exception {
        Path old = olderJdk();
        Path current = Path.of(System.getProperty("java.home"));
        Run run = source(Map.of("JAVA_HOME", old.toString(), "C2C_JDK_DIRS", old + " " + current));

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(current.toString());
        assertThat(run.err().strip())
                .startsWith("Chart2Claim: default java is ")
                .contains("using JDK " + Runtime.version().feature() + " from " + current)
                .doesNotContain("\n");
    }

    @Test
    void withoutANewerJdkOneLineSaysWhatToInstall(@TempDir Path empty) throws Exception {
        Path old = olderJdk();
        Run run = source(Map.of("JAVA_HOME", old.toString(), "C2C_JDK_DIRS", empty + "/*"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .startsWith("Chart2Claim needs JDK 21 or newer")
                .contains("install")
                .doesNotContain("\n");
    }

    @Test
    void aNewEnoughJavaHomeIsKeptSilently() throws Exception {
        Path current = Path.of(System.getProperty("java.home"));
        Run run = source(Map.of("JAVA_HOME", current.toString(), "C2C_JDK_DIRS", "/nonexistent"));

        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo(current.toString());
        assertThat(run.err()).isEmpty();
    }

    private static Path olderJdk() throws Exception {
        for (Path candidate :
                new Path[] {Path.of("/usr/lib/jvm/java-17-openjdk-amd64"), Path.of("/usr/lib/jvm/java-17-openjdk-arm64")
                }) {
            if (Files.isExecutable(candidate.resolve("bin/javac"))) {
                return candidate;
            }
        }
        assumeTrue(false, "no JDK 17 installed here");
        return null;
    }

    private static Run source(Map<String, String> env) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("sh", "-c", "set -euf; . \"$0\"; echo \"$JAVA_HOME\"", SCRIPT.toString());
        builder.environment().putAll(env);
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }
}
