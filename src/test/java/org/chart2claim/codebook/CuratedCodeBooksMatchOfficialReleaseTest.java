package org.chart2claim.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every shipped ICD-10-CM and HCPCS entry agrees with the official release in {@code ../shared/reference}
 * (code exists, same billable flag, same title), and every shipped ICD-10-CM category is complete.
 * Skipped where that folder is absent. The official files are read in place, never copied.
 */
class CuratedCodeBooksMatchOfficialReleaseTest {

    private static final Path REFERENCE = Path.of("..", "shared", "reference");
    private static final Path ICD_ORDER = REFERENCE.resolve("icd10cm-2026/icd10cm_order_2026.txt");
    private static final Path HCPCS = REFERENCE.resolve("hcpcs-2020/HCPC2020_ANWEB_w_disclaimer.txt");

    private record Official(boolean billable, String title) {}

    private final LoadedCodeBooks loaded = ShippedCodeBooks.get();

    private CodeSet set(CodeSystem system) {
        return loaded.sets().stream()
                .filter(s -> s.system() == system)
                .findFirst()
                .orElseThrow();
    }

    /** Order file: fixed width, code in columns 7–13, billable flag in 15, long title from 78 (see PDF layout). */
    private static Map<String, Official> readIcdOrderFile() throws IOException {
        Map<String, Official> official = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ICD_ORDER, StandardCharsets.US_ASCII)) {
            if (line.length() < 78) {
                continue;
            }
            official.put(
                    line.substring(6, 13).strip(),
                    new Official(line.charAt(14) == '1', line.substring(77).strip()));
        }
        return official;
    }

    @Test
    void icd10cmEntriesMatchTheFy2026OrderFile() throws IOException {
        assumeTrue(Files.exists(ICD_ORDER), "official FY2026 order file not present");
        Map<String, Official> official = readIcdOrderFile();
        assertThat(official).hasSize(98_186);
        List<String> mismatches = new ArrayList<>();
        Set<String> shipped = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (CodeEntry entry : set(CodeSystem.ICD10CM).entries()) {
            String key = CodeFormat.compact(CodeSystem.ICD10CM, entry.code());
            shipped.add(key);
            categories.add(key.substring(0, 3));
            Official o = official.get(key);
            if (o == null) {
                mismatches.add(entry.code() + ": not in the FY2026 order file");
            } else if (o.billable() != entry.billable()) {
                mismatches.add(entry.code() + ": billable flag " + entry.billable() + ", official " + o.billable());
            } else if (!o.title().equals(entry.title())) {
                mismatches.add(entry.code() + ": title '" + entry.title() + "', official '" + o.title() + "'");
            }
        }
        for (String code : official.keySet()) {
            if (categories.contains(code.substring(0, 3)) && !shipped.contains(code)) {
                mismatches.add(code + ": category " + code.substring(0, 3) + " is shipped without this code");
            }
        }
        assertThat(mismatches).as("ICD-10-CM mismatches").isEmpty();
    }

    @Test
    void hcpcsEntriesMatchThe2020AnnualFile() throws IOException {
        assumeTrue(Files.exists(HCPCS), "official 2020 HCPCS file not present");
        Map<String, String[]> procedures = new HashMap<>();
        Set<String> modifiers = new HashSet<>();
        for (String line : Files.readAllLines(HCPCS, Charset.forName("windows-1252"))) {
            if (line.length() < 12) {
                continue;
            }
            String code = line.substring(0, 5).strip();
            char recordId = line.charAt(10);
            String longText = line.substring(11, Math.min(91, line.length())).strip();
            switch (recordId) {
                case '3' -> {
                    String shortText = line.length() > 91
                            ? line.substring(91, Math.min(119, line.length())).strip()
                            : "";
                    String termination =
                            line.length() >= 292 ? line.substring(284, 292).strip() : "";
                    procedures.put(code, new String[] {longText, shortText, termination});
                }
                case '4' -> procedures.get(code)[0] += " " + longText; // continuation of the long description
                case '7' -> modifiers.add(code);
                default -> {}
            }
        }
        assertThat(procedures).hasSize(6_710);
        List<String> mismatches = new ArrayList<>();
        CodeSet hcpcs = set(CodeSystem.HCPCS);
        for (CodeEntry entry : hcpcs.entries()) {
            String[] o = procedures.get(entry.code());
            if (o == null) {
                mismatches.add(entry.code() + ": not in the 2020 HCPCS file");
            } else if (!o[2].isEmpty()) {
                mismatches.add(entry.code() + ": terminated " + o[2]);
            } else if (!o[0].equals(entry.title())) {
                mismatches.add(entry.code() + ": title '" + entry.title() + "', official '" + o[0] + "'");
            } else if (!o[1].equals(entry.shortTitle())) {
                mismatches.add(entry.code() + ": short title '" + entry.shortTitle() + "', official '" + o[1] + "'");
            } else if (!entry.billable()) {
                mismatches.add(entry.code() + ": HCPCS codes are all reportable");
            }
        }
        for (Modifier modifier : hcpcs.modifiers()) {
            if (!modifiers.contains(modifier.code())) {
                mismatches.add("modifier " + modifier.code() + ": not in the 2020 HCPCS file");
            }
        }
        assertThat(mismatches).as("HCPCS mismatches").isEmpty();
    }
}
