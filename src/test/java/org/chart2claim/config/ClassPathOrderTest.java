package org.chart2claim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jars that supply most of the classes a start loads come first on the class path (pom.xml, "Class-path order
 * first"): the production jar's class loader asks its nested jars one after another for every class, in this order
 * (its classpath.idx follows the same Maven order as the test class path). Without the ordering Hibernate was the
 * 47th jar asked, Byte Buddy the 109th.
 */
class ClassPathOrderTest {

    /** By the number of classes a start of the production jar loads from each (docs/PERFORMANCE.md, "Restart"). */
    private static final List<String> FIRST = List.of(
            "hibernate-core-",
            "byte-buddy-",
            "h2-",
            "spring-core-",
            "hibernate-validator-",
            "tomcat-embed-core-",
            "spring-boot-4",
            "flow-server-",
            "spring-data-commons-",
            "spring-context-7",
            "flyway-core-");

    @Test
    void theJarsThatSupplyMostClassesComeFirst() {
        List<String> jars = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.endsWith(".jar"))
                .map(p -> new File(p).getName())
                .toList();
        List<Integer> positions =
                FIRST.stream().map(prefix -> position(jars, prefix)).toList();
        assertThat(positions).as("positions of %s in %s", FIRST, jars).isSorted();
        assertThat(positions.getLast())
                .as("all of them before the first starter")
                .isLessThan(position(jars, "vaadin-spring-boot-starter-"));
    }

    private static int position(List<String> jars, String prefix) {
        for (int i = 0; i < jars.size(); i++) {
            if (jars.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError(prefix + " is not on the class path");
    }
}
