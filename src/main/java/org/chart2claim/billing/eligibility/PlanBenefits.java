package org.chart2claim.billing.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.standard.TabSeparated;

/**
 * What eligibility answers report beyond enrolment, read from {@code codebooks/payers/}: benefits by X12 service type
 * ({@code benefits.tsv}), plan limits ({@code plan-limits.tsv}) and members' PCP and other coverage
 * ({@code member-coverage.tsv}). Immutable.
 */
public final class PlanBenefits {

    /** One service type's benefit: copay (null = none), the member's coinsurance after the deductible. */
    public record Benefit(
            String payerId,
            String serviceType,
            String serviceName,
            BigDecimal copay,
            int coinsurancePercent,
            boolean deductibleApplies) {}

    /** Out-of-pocket maximum (null = none) and the network wording. */
    public record Limits(String payerId, BigDecimal outOfPocketMax, String network, String note) {}

    /** PCP on file and other coverage (COB); blank fields when none. */
    public record MemberExtras(
            String payerId,
            String memberId,
            String pcpName,
            String pcpNpi,
            String otherPayer,
            String otherPolicy,
            String otherOrder) {}

    private final Map<String, Map<String, Benefit>> benefits;
    private final Map<String, Limits> limits;
    private final Map<String, MemberExtras> extras;

    PlanBenefits(
            Map<String, Map<String, Benefit>> benefits, Map<String, Limits> limits, Map<String, MemberExtras> extras) {
        this.benefits = benefits;
        this.limits = limits;
        this.extras = extras;
    }

    public static PlanBenefits load(Path payersDir) {
        Map<String, Map<String, Benefit>> benefits = new HashMap<>();
        for (String[] r : rows(payersDir.resolve("benefits.tsv"), 6)) {
            Benefit b = new Benefit(
                    r[0],
                    r[1].toUpperCase(Locale.ROOT),
                    r[2],
                    r[3].isEmpty() ? null : money(r[3], "benefits.tsv"),
                    Integer.parseInt(r[4].isEmpty() ? "0" : r[4]),
                    r[5].equalsIgnoreCase("Y"));
            benefits.computeIfAbsent(b.payerId(), k -> new LinkedHashMap<>()).put(b.serviceType(), b);
        }
        Map<String, Limits> limits = new HashMap<>();
        for (String[] r : rows(payersDir.resolve("plan-limits.tsv"), 4)) {
            limits.put(r[0], new Limits(r[0], r[1].isEmpty() ? null : money(r[1], "plan-limits.tsv"), r[2], r[3]));
        }
        Map<String, MemberExtras> extras = new HashMap<>();
        for (String[] r : rows(payersDir.resolve("member-coverage.tsv"), 7)) {
            extras.put(key(r[0], r[1]), new MemberExtras(r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
        }
        return new PlanBenefits(benefits, limits, extras);
    }

    private static List<String[]> rows(Path file, int columns) {
        try {
            return TabSeparated.rows(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.getFileName().toString(),
                    columns);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static BigDecimal money(String s, String file) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": '" + s + "' is not an amount");
        }
    }

    private static String key(String payerId, String memberId) {
        return payerId + "|" + memberId.trim().toUpperCase(Locale.ROOT);
    }

    /** The payer's benefits by service type, in file order. */
    public List<Benefit> benefits(String payerId) {
        return new ArrayList<>(benefits.getOrDefault(payerId, Map.of()).values());
    }

    public Optional<Benefit> benefit(String payerId, String serviceType) {
        return Optional.ofNullable(benefits.getOrDefault(payerId, Map.of())
                .get(serviceType == null ? "" : serviceType.trim().toUpperCase(Locale.ROOT)));
    }

    public Optional<Limits> limits(String payerId) {
        return Optional.ofNullable(limits.get(payerId));
    }

    public Optional<MemberExtras> member(String payerId, String memberId) {
        return Optional.ofNullable(memberId == null ? null : extras.get(key(payerId, memberId)));
    }
}
