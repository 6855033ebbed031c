package org.chart2claim.payer.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the simulated payers decide with, loaded once from codebooks/payers/ by {@link PayerRulesLoader}:
 * payers, members, authorizations, fee schedules, NCCI-style PTP and MUE tables, age/sex,
 * modifier and place-of-service rules. Immutable; safe to share between threads.
 */
public final class PayerRules {
    private final Map<String, Payer> payers;
    private final Map<String, Member> membersByKey;
    private final List<Authorization> authorizations;
    private final Map<String, Map<String, BigDecimal>> allowedByPayer;
    private final Map<String, String> descriptions;
    private final Map<String, List<PtpEdit>> ptpByColumn2;
    private final Map<String, MueLimit> mue;
    private final List<AgeSexRule> ageSexRules;
    private final ModifierRules modifierRules;
    private final List<PosRule> posRules;
    private final PaymentIndicators indicators;
    private final Map<String, OtherCoverageOnFile> otherCoverage;

    public PayerRules(
            Map<String, Payer> payers,
            Collection<Member> members,
            List<Authorization> authorizations,
            Map<String, Map<String, BigDecimal>> allowedByPayer,
            Map<String, String> descriptions,
            Map<String, List<PtpEdit>> ptpByColumn2,
            Map<String, MueLimit> mue,
            List<AgeSexRule> ageSexRules,
            ModifierRules modifierRules,
            List<PosRule> posRules,
            PaymentIndicators indicators,
            List<OtherCoverageOnFile> otherCoverage) {
        // payers and members keep the order of their files: Map.copyOf and toUnmodifiableMap iterate in an order
        // that changes with every JVM start, so anything built from members() (a bench's claim file, a test's
        // sample of members) was a different input in every run
        this.payers = Collections.unmodifiableMap(new LinkedHashMap<>(payers));
        Map<String, Member> byKey = new LinkedHashMap<>();
        members.forEach(m -> byKey.putIfAbsent(key(m.payerId(), m.memberId()), m));
        this.membersByKey = Collections.unmodifiableMap(byKey);
        this.authorizations = List.copyOf(authorizations);
        this.allowedByPayer = Map.copyOf(allowedByPayer);
        this.descriptions = Map.copyOf(descriptions);
        this.ptpByColumn2 = Map.copyOf(ptpByColumn2);
        this.mue = Map.copyOf(mue);
        this.ageSexRules = List.copyOf(ageSexRules);
        this.modifierRules = modifierRules;
        this.posRules = List.copyOf(posRules);
        this.indicators = indicators;
        Map<String, OtherCoverageOnFile> cob = new LinkedHashMap<>();
        otherCoverage.forEach(o -> cob.putIfAbsent(key(o.payerId(), o.memberId()), o));
        this.otherCoverage = Collections.unmodifiableMap(cob);
    }

    /** The member's other coverage on this payer's file (coordination of benefits), when there is one. */
    public Optional<OtherCoverageOnFile> otherCoverage(String payerId, String memberId) {
        if (payerId == null || memberId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(otherCoverage.get(key(payerId, memberId)));
    }

    /** The simulated payer whose name (as eligibility answers and box 11d give it) is {@code name}. */
    public Optional<Payer> payerNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return payers.values().stream()
                .filter(p -> p.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    private static String key(String payerId, String memberId) {
        return payerId + "|" + memberId.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public Optional<Payer> payer(String id) {
        return Optional.ofNullable(id == null ? null : payers.get(id.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every payer, in the order they were loaded (the same order in every run). */
    public Collection<Payer> payers() {
        return payers.values();
    }

    public Optional<Member> member(String payerId, String memberId) {
        if (payerId == null || memberId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(membersByKey.get(key(payerId, memberId)));
    }

    /** Every member, in the order of {@code payers/members.tsv} (the same order in every run). */
    public Collection<Member> members() {
        return membersByKey.values();
    }

    public List<Authorization> authorizations() {
        return authorizations;
    }

    public Optional<Authorization> authorization(String payerId, String number) {
        return authorizations.stream()
                .filter(a -> a.payerId().equals(payerId) && a.number().equalsIgnoreCase(number))
                .findFirst();
    }

    /** Allowed amount per unit in the payer's fee schedule. */
    public Optional<BigDecimal> allowed(String payerId, String code) {
        Map<String, BigDecimal> schedule = allowedByPayer.get(payerId);
        return Optional.ofNullable(schedule == null ? null : schedule.get(code));
    }

    public Optional<String> description(String code) {
        return Optional.ofNullable(descriptions.get(code));
    }

    /** PTP edits where {@code column2} is the column-2 code, active on the date. */
    public List<PtpEdit> ptpEditsForColumn2(String column2, LocalDate date) {
        return ptpByColumn2.getOrDefault(column2, List.of()).stream()
                .filter(e -> e.activeOn(date))
                .toList();
    }

    public Optional<MueLimit> mue(String code) {
        return Optional.ofNullable(mue.get(code));
    }

    public List<AgeSexRule> ageSexRules() {
        return ageSexRules;
    }

    public ModifierRules modifierRules() {
        return modifierRules;
    }

    public Optional<PosRule> posRule(String code) {
        return posRules.stream().filter(r -> r.appliesTo(code)).findFirst();
    }

    /** Payment indicators derived from the code books (26/TC split, modifier 50, global periods). */
    public PaymentIndicators indicators() {
        return indicators;
    }

    public int ptpEditCount() {
        return ptpByColumn2.values().stream().mapToInt(List::size).sum();
    }

    public int mueCount() {
        return mue.size();
    }
}
