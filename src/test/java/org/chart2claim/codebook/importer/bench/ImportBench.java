package org.chart2claim.codebook.importer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Import time and peak heap, each import in its own JVM ({@code -Xmx1g}). Not a timed test: it records
 * numbers for docs/PERFORMANCE.md. Run: {@code ./mvnw test -Pbench
 * -Dtest=ImportBench}.
 */
@Tag("bench")
class ImportBench {

    @Test
    void fy2026OrderPlusHcpcs2020AndFy2017TabularPlusIndex() throws Exception {
        Path order = BenchSupport.REFERENCE.resolve("icd10cm-2026/icd10cm_order_2026.txt");
        Path hcpcs = BenchSupport.REFERENCE.resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");
        Path fy2017 = BenchSupport.REFERENCE.resolve("icd10cm-2017-tabular-index");
        assumeTrue(Files.exists(order) && Files.exists(hcpcs) && Files.exists(fy2017), "reference data absent");

        String a = run(order.toString(), hcpcs.toString());
        String b = run(
                fy2017.resolve("icd10cm_tabular_2017.xml").toString(),
                fy2017.resolve("icd10cm_index_2017.xml").toString());
        BenchSupport.report("import FY2026 order + HCPCS 2020: " + a);
        BenchSupport.report("import FY2017 Tabular + Index XML: " + b);
        assertThat(a).contains("ICD10CM-FY2026: 98,186 entries, 74,719 billable");
        assertThat(b).contains("71,486 billable");
    }

    private static String run(String... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                ImportBenchMain.class.getName()));
        command.addAll(List.of(files));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(line);
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
        }
        assertThat(process.waitFor()).isZero();
        assertThat(result).isNotNull();
        return result;
    }
}
