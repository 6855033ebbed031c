package org.chart2claim.payer.data;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The payment indicators the payers take from the code books' {@code rules} lines (cpt/cpt.tsv,
 * hcpcs-2020/hcpcs.tsv), so no second, hand-kept list can drift from the books: which codes split into
 * 26/TC (PC/TC indicator 1), which take modifier 50 (bilateral indicator 1 or 3) and each code's global
 * surgical period (000, 010, 090, MMM, XXX, ZZZ, YYY).
 */
public record PaymentIndicators(
        Set<String> professionalTechnicalSplit, Set<String> bilateralAllowed, Map<String, String> globalPeriods) {

    /** The procedure books whose {@code rules} lines are read (paths relative to the codebooks folder). */
    public static final List<String> PROCEDURE_BOOKS = List.of("cpt/cpt.tsv", "hcpcs-2020/hcpcs.tsv");

    public PaymentIndicators {
        professionalTechnicalSplit = Set.copyOf(professionalTechnicalSplit);
        bilateralAllowed = Set.copyOf(bilateralAllowed);
        globalPeriods = Map.copyOf(globalPeriods);
    }

    /** Reads the {@code code}/{@code rules} records of the procedure books (format: codebooks/README.md). */
    public static PaymentIndicators fromBooks(Function<String, Optional<String>> files) {
        Set<String> split = new LinkedHashSet<>();
        Set<String> bilateral = new LinkedHashSet<>();
        Map<String, String> global = new HashMap<>();
        for (String book : PROCEDURE_BOOKS) {
            String text = files.apply(book)
                    .orElseThrow(() -> new PayerDataException("code book codebooks/" + book
                            + " is missing (the payers derive their modifier rules from it)"));
            String code = null;
            for (String line : text.split("\r?\n")) {
                String[] cells = line.split("\t");
                if (cells.length > 1 && cells[0].equals("code")) {
                    code = cells[1].trim();
                } else if (cells.length > 3 && cells[0].equals("rules") && code != null) {
                    global.put(code, cells[1].trim());
                    if (cells[2].trim().equals("1")) {
                        split.add(code);
                    }
                    String bilateralIndicator = cells[3].trim();
                    if (bilateralIndicator.equals("1") || bilateralIndicator.equals("3")) {
                        bilateral.add(code);
                    }
                }
            }
        }
        return new PaymentIndicators(split, bilateral, global);
    }

    /** The global period of a code ({@code 090} ...), empty when the books give none. */
    public Optional<String> globalPeriod(String code) {
        return Optional.ofNullable(code == null ? null : globalPeriods.get(code));
    }

    /** Post-operative days included in a code's global package: 0, 10 or 90; -1 when the code has no global period. */
    public int globalDays(String code) {
        return switch (globalPeriod(code).orElse("")) {
            case "000" -> 0;
            case "010" -> 10;
            case "090" -> 90;
            default -> -1;
        };
    }
}
