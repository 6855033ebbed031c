package org.chart2claim.claim.practice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.claim.Address;
import org.chart2claim.standard.TabSeparated;

/**
 * What the practice-management system knows before any payer is involved: its charge master (box 24F per
 * unit) and the billing providers' addresses (box 33). Read from {@code codebooks/practice/}. Immutable.
 */
public final class Practice {
    public static final String CHARGES_FILE = "practice/practice-charges.tsv";
    public static final String ADDRESSES_FILE = "practice/practices.tsv";

    private final Map<String, BigDecimal> charges;
    private final Map<String, PracticeAddress> addresses;

    public Practice(Map<String, BigDecimal> charges, Map<String, PracticeAddress> addresses) {
        this.charges = Map.copyOf(charges);
        this.addresses = Map.copyOf(addresses);
    }

    /** Reads both files from a codebooks folder. */
    public static Practice load(Path codebooksDir) {
        Map<String, BigDecimal> charges = new HashMap<>();
        for (String[] r : rows(codebooksDir, CHARGES_FILE, 3)) {
            charges.put(r[0], new BigDecimal(r[1]));
        }
        Map<String, PracticeAddress> addresses = new HashMap<>();
        for (String[] r : rows(codebooksDir, ADDRESSES_FILE, 7)) {
            addresses.put(r[0], new PracticeAddress(r[0], r[1], new Address(r[2], "", r[3], r[4], r[5]), r[6]));
        }
        return new Practice(charges, addresses);
    }

    private static java.util.List<String[]> rows(Path codebooksDir, String relative, int columns) {
        try {
            return TabSeparated.rows(
                    Files.readString(codebooksDir.resolve(relative), StandardCharsets.UTF_8),
                    "codebooks/" + relative,
                    columns);
        } catch (IOException e) {
            throw new UncheckedIOException("practice data file codebooks/" + relative + " cannot be read", e);
        }
    }

    /** The practice's charge per unit (box 24F) for a code. */
    public Optional<BigDecimal> charge(String code) {
        return Optional.ofNullable(code == null ? null : charges.get(code));
    }

    /** Address on file for a billing NPI, or the default training-practice address ("*"). */
    public Optional<PracticeAddress> address(String npi) {
        PracticeAddress p = npi == null ? null : addresses.get(npi);
        return Optional.ofNullable(p != null ? p : addresses.get("*"));
    }
}
