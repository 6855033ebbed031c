package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs the launcher starts in a child JVM: a plain web start of the packaged jar only. */
class SelfLaunchTest {

    private static final String PACKAGED = "jar:nested:/srv/chart2claim.jar/!BOOT-INF/classes/!/";
    private static final String[] NO_ARGS = {};
    private static final List<String> NO_OPTIONS = List.of();

    private final Map<String, String> properties = new HashMap<>();

    private String why(String location, String[] args, List<String> options, String variable) {
        return SelfLaunch.whyInThisJvm(location, args, options, properties::get, variable);
    }

    @Test
    void aPlainWebStartOfThePackagedJarIsLaunched() {
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, null)).isNull();
        assertThat(why(
                        PACKAGED,
                        new String[] {"--server.port=9090", "--spring.profiles.active=postgres"},
                        List.of("-Xmx1g", "-Dspring.aot.enabled=false"),
                        null))
                .isNull();
    }

    @Test
    void classFoldersTheExtractedJarAndTheChildItselfRunInTheirOwnJvm() {
        assertThat(why("file:/work/target/classes/", NO_ARGS, NO_OPTIONS, null)).isEqualTo("not the packaged jar");
        assertThat(why("file:/srv/app/chart2claim.jar", NO_ARGS, NO_OPTIONS, null))
                .isEqualTo("not the packaged jar");
        assertThat(why(null, NO_ARGS, NO_OPTIONS, null)).isEqualTo("not the packaged jar");
        properties.put(SelfLaunch.PARENT_PID, "4242");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, null)).isEqualTo("this is the launcher's child");
    }

    @Test
    void commandsAndOtherNonWebRunsAreNotLaunched() {
        assertThat(why(PACKAGED, new String[] {"import-codebooks", "/srv/order.txt"}, NO_OPTIONS, null))
                .startsWith("a command (import-codebooks)");
        assertThat(why(PACKAGED, new String[] {"--server.port=9090", "something"}, NO_OPTIONS, null))
                .startsWith("a command");
        assertThat(why(PACKAGED, new String[] {"--spring.main.web-application-type=none"}, NO_OPTIONS, null))
                .startsWith("not a web start");
        assertThat(why(PACKAGED, new String[] {"--spring.context.exit=onRefresh"}, NO_OPTIONS, null))
                .startsWith("not a web start");
        properties.put("spring.context.exit", "onRefresh");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, null)).startsWith("not a web start");
        properties.clear();
        properties.put("jarmode", "tools");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, null)).isEqualTo("a jar mode run");
    }

    @Test
    void theSwitchAndTheVariableOptOut() {
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, "off")).isEqualTo("launcher switched off");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, "OFF ")).isEqualTo("launcher switched off");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, "on")).isNull();
        properties.put(SelfLaunch.SWITCH, "off");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, null)).isEqualTo("launcher switched off");
        properties.put(SelfLaunch.SWITCH, "false");
        assertThat(why(PACKAGED, NO_ARGS, NO_OPTIONS, null)).isEqualTo("launcher switched off");
    }

    @Test
    void jvmOptionsThatOpenAPortOrChooseTheirOwnArchiveKeepTheRunInOneJvm() {
        for (String option : List.of(
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-Dcom.sun.management.jmxremote.port=9010",
                "-XX:SharedArchiveFile=/srv/app.jsa",
                "-XX:AOTCache=/srv/app.aot",
                "-Xshare:off")) {
            assertThat(why(PACKAGED, NO_ARGS, List.of("-Xmx1g", option), null))
                    .as(option)
                    .startsWith("JVM option");
        }
    }

    @Test
    void theChildGetsTheSameOptionsTheMarkerTheArchiveTheExtractedJarAndTheSameArguments() {
        assertThat(SelfLaunch.childCommand(
                        Path.of("/jdk/bin/java"),
                        List.of("-Xmx1g", "-Dx=1"),
                        4242,
                        Path.of("/cache/x/web.jsa"),
                        Path.of("/cache/x/app/chart2claim.jar"),
                        new String[] {"--server.port=9090"}))
                .containsExactly(
                        "/jdk/bin/java",
                        "-Xlog:cds=error",
                        "-Xmx1g",
                        "-Dx=1",
                        "-Dchart2claim.launcher.parent-pid=4242",
                        "-XX:SharedArchiveFile=/cache/x/web.jsa",
                        "-XX:+AutoCreateSharedArchive",
                        "-jar",
                        "/cache/x/app/chart2claim.jar",
                        "--server.port=9090");
    }

    @Test
    void thePackagedJarIsFoundFromTheClassesLocation(@TempDir Path folder) throws Exception {
        Path jar = Files.createFile(folder.resolve("my app.jar"));
        String location = "jar:nested:" + jar.toUri().getRawPath() + "/!BOOT-INF/classes/!/";
        assertThat(SelfLaunch.packagedJar(location)).isEqualTo(jar);
        assertThatThrownBy(() -> SelfLaunch.packagedJar(
                        "jar:nested:" + folder.resolve("gone.jar").toUri().getRawPath() + "/!BOOT-INF/classes/!/"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theChildStopsWhenItsLauncherIsNoLongerItsParent() {
        ProcessHandle me = ProcessHandle.current();
        assertThat(SelfLaunch.launcherGone(me.pid(), Optional.of(me))).isFalse();
        assertThat(SelfLaunch.launcherGone(me.pid() + 1, Optional.of(me))).isTrue();
        assertThat(SelfLaunch.launcherGone(me.pid(), Optional.empty())).isTrue();
    }
}
