package org.chart2claim.billing.ar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PostedClaim;
import org.chart2claim.billing.posting.TransactionType;

/**
 * A ledger's A/R aging and KPIs from its posted transactions and claims, on the practice's (simulated) today. The
 * formulas follow the usual HFMA/MGMA definitions; every one is here, and in docs/billing.md:
 *
 * <table>
 *   <caption>A/R and KPI formulas</caption>
 *   <tr><th>number</th><th>formula</th></tr>
 *   <tr><td>aging bucket</td><td>open balance of each service line (payer + denial worklist + patient) by days from
 *       its date of service to today: 0–30, 31–60, 61–90, 91–120, over 120. Patient payments pay the patient's oldest
 *       lines first; an unused credit counts as current</td></tr>
 *   <tr><td>days in A/R</td><td>total A/R ÷ average daily gross charges of the last {@value #DAYS_IN_AR_PERIOD}
 *       days (charges posted in the period ÷ {@value #DAYS_IN_AR_PERIOD})</td></tr>
 *   <tr><td>first-pass (clean-claim) rate</td><td>original claims paid in full on their first answer (no rejection,
 *       no denied or reduced line) ÷ original claims submitted, rejected ones included × 100</td></tr>
 *   <tr><td>denial rate</td><td>adjudicated claims with at least one denied line ÷ adjudicated claims × 100
 *       (rejections never reached adjudication; a reversal is no claim of its own)</td></tr>
 *   <tr><td>net collection rate</td><td>(payer payments + patient payments − refunds) ÷ (gross charges −
 *       contractual adjustments) × 100</td></tr>
 *   <tr><td>average days to pay</td><td>mean of (payer's payment date − date of service) over claims the payer
 *       paid something on</td></tr>
 *   <tr><td>denials by CARC / by edit, top reasons</td><td>denied lines and denied dollars (what they cost) per
 *       CAS reason or payer edit, as first denied (a later reversal does not erase the cost of the work)</td></tr>
 * </table>
 */
public final class ArCalculator {
    public static final int DAYS_IN_AR_PERIOD = 90;
    public static final int TOP_DENIALS = 5;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ArCalculator() {}

    public static ArReport compute(
            String ledger,
            List<LedgerTransaction> transactions,
            List<PostedClaim> claims,
            LocalDate today,
            Function<String, String> payerName) {
        Map<String, OpenLine> lines = new LinkedHashMap<>();
        Map<String, BigDecimal> unappliedByAccount = new HashMap<>();
        Map<String, String> patientNames = new HashMap<>();
        Map<TransactionType, BigDecimal> totals = new EnumMap<>(TransactionType.class);
        BigDecimal chargesInPeriod = BigDecimal.ZERO;
        LocalDate periodStart = today.minusDays(DAYS_IN_AR_PERIOD);
        Map<String, DenialSum> byCarc = new TreeMap<>();
        Map<String, DenialSum> byEdit = new TreeMap<>();
        Set<String> deniedClaimNumbers = new HashSet<>();
        for (LedgerTransaction t : transactions) {
            totals.merge(t.type(), t.amount(), BigDecimal::add);
            patientNames.putIfAbsent(t.account(), t.patient());
            if (t.type() == TransactionType.CHARGE
                    && t.postedOn().isAfter(periodStart)
                    && !t.postedOn().isAfter(today)) {
                chargesInPeriod = chargesInPeriod.add(t.amount());
            }
            if (t.claimNumber() == null || t.claimNumber().isBlank()) {
                // patient payments and refunds belong to the account, applied to its oldest lines below
                unappliedByAccount.merge(t.account(), t.patientEffect().negate(), BigDecimal::add);
                continue;
            }
            OpenLine line = lines.computeIfAbsent(
                    t.claimNumber() + "#" + t.line(),
                    k -> new OpenLine(
                            t.account(), t.payerId(), t.serviceDate() == null ? t.postedOn() : t.serviceDate()));
            line.insurance = line.insurance.add(t.insuranceEffect());
            line.denial = line.denial.add(t.denialEffect());
            line.patient = line.patient.add(t.patientEffect());
            if (t.type() == TransactionType.DENIAL && t.amount().signum() > 0) {
                deniedClaimNumbers.add(t.claimNumber());
                byCarc.computeIfAbsent(t.label(), k -> new DenialSum(t.note())).add(t.amount());
                byEdit.computeIfAbsent(t.edit().isBlank() ? "(no edit)" : t.edit(), k -> new DenialSum(t.note()))
                        .add(t.amount());
            }
        }

        // patient payments pay the oldest patient balances first
        Map<String, List<OpenLine>> linesByAccount = new HashMap<>();
        lines.values()
                .forEach(l -> linesByAccount
                        .computeIfAbsent(l.account, k -> new ArrayList<>())
                        .add(l));
        Map<String, Map<AgingBucket, BigDecimal>> patientAging = new TreeMap<>();
        Map<String, Map<AgingBucket, BigDecimal>> payerAging = new TreeMap<>();
        Set<String> accounts = new HashSet<>(linesByAccount.keySet());
        accounts.addAll(unappliedByAccount.keySet());
        for (String account : accounts) {
            BigDecimal available = unappliedByAccount.getOrDefault(account, BigDecimal.ZERO);
            List<OpenLine> own = new ArrayList<>(linesByAccount.getOrDefault(account, List.of()));
            own.sort(Comparator.comparing(l -> l.serviceDate));
            for (OpenLine l : own) {
                BigDecimal applied = available.max(BigDecimal.ZERO).min(l.patient.max(BigDecimal.ZERO));
                l.patient = l.patient.subtract(applied);
                available = available.subtract(applied);
                AgingBucket bucket = AgingBucket.of(ChronoUnit.DAYS.between(l.serviceDate, today));
                if (l.patient.signum() != 0) {
                    add(patientAging, account, bucket, l.patient);
                }
                BigDecimal payerOpen = l.insurance.add(l.denial);
                if (payerOpen.signum() != 0) {
                    add(payerAging, l.payerId, bucket, payerOpen);
                }
            }
            if (available.signum() != 0) {
                // a payment left over is a credit the practice holds (negative); more refunded than paid is owed
                add(patientAging, account, AgingBucket.DAYS_0_30, available.negate());
            }
        }
        List<ArReport.AgingRow> byPayer = rows(payerAging, payerName);
        List<ArReport.AgingRow> byPatient = rows(patientAging, a -> patientNames.getOrDefault(a, a));
        Map<String, BigDecimal> aging = new LinkedHashMap<>();
        for (AgingBucket b : AgingBucket.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (ArReport.AgingRow r : byPayer) {
                sum = sum.add(r.buckets().get(b.label()));
            }
            for (ArReport.AgingRow r : byPatient) {
                sum = sum.add(r.buckets().get(b.label()));
            }
            aging.put(b.label(), money(sum));
        }

        BigDecimal insuranceOpen = BigDecimal.ZERO;
        BigDecimal denialOpen = BigDecimal.ZERO;
        BigDecimal patientOpen = BigDecimal.ZERO;
        for (LedgerTransaction t : transactions) {
            insuranceOpen = insuranceOpen.add(t.insuranceEffect());
            denialOpen = denialOpen.add(t.denialEffect());
            patientOpen = patientOpen.add(t.patientEffect());
        }
        BigDecimal open = insuranceOpen.add(denialOpen).add(patientOpen);
        BigDecimal billed = total(totals, TransactionType.CHARGE);
        BigDecimal paid = total(totals, TransactionType.INSURANCE_PAYMENT)
                .add(total(totals, TransactionType.PATIENT_PAYMENT))
                .subtract(total(totals, TransactionType.REFUND));
        BigDecimal adjusted = total(totals, TransactionType.CONTRACTUAL_ADJUSTMENT)
                .add(total(totals, TransactionType.OTHER_ADJUSTMENT));
        BigDecimal daysInAr = chargesInPeriod.signum() <= 0
                ? null
                : open.multiply(BigDecimal.valueOf(DAYS_IN_AR_PERIOD)).divide(chargesInPeriod, 1, RoundingMode.HALF_UP);
        BigDecimal netCollectionBase = billed.subtract(total(totals, TransactionType.CONTRACTUAL_ADJUSTMENT));

        int originals = 0;
        int clean = 0;
        int adjudicated = 0;
        int denied = 0;
        int rejected = 0;
        int paidClaims = 0;
        long daysToPaySum = 0;
        Map<String, int[]> firstPassMonths = new TreeMap<>();
        for (PostedClaim c : claims) {
            if (c.rejected()) {
                rejected++;
            }
            if (c.original()) {
                originals++;
                boolean isClean = "PAID".equals(c.status());
                if (isClean) {
                    clean++;
                }
                int[] m = firstPassMonths.computeIfAbsent(
                        c.receivedOn().toString().substring(0, 7), k -> new int[2]);
                m[0]++;
                m[1] += isClean ? 1 : 0;
            }
            if (c.adjudicated()) {
                adjudicated++;
                if (deniedClaimNumbers.contains(c.payerClaimNumber())) {
                    denied++;
                }
                if (c.paid().signum() > 0 && c.serviceDate() != null) {
                    paidClaims++;
                    daysToPaySum += ChronoUnit.DAYS.between(c.serviceDate(), c.receivedOn());
                }
            }
        }
        List<ArReport.MonthRate> months = new ArrayList<>();
        firstPassMonths.forEach((month, m) -> months.add(new ArReport.MonthRate(month, m[0], percent(m[1], m[0]))));
        List<ArReport.DenialReason> carcs = reasons(byCarc);
        List<ArReport.DenialReason> top = carcs.stream()
                .sorted(Comparator.comparing(ArReport.DenialReason::amount)
                        .reversed()
                        .thenComparing(ArReport.DenialReason::reason))
                .limit(TOP_DENIALS)
                .toList();
        return new ArReport(
                ledger,
                today,
                aging,
                byPayer,
                byPatient,
                daysInAr,
                percent(clean, originals),
                percent(denied, adjudicated),
                netCollectionBase.signum() <= 0 ? null : ratio(paid, netCollectionBase),
                paidClaims == 0
                        ? null
                        : BigDecimal.valueOf(daysToPaySum)
                                .divide(BigDecimal.valueOf(paidClaims), 1, RoundingMode.HALF_UP),
                money(billed),
                money(paid),
                money(adjusted),
                money(open),
                money(insuranceOpen),
                money(denialOpen),
                money(patientOpen),
                new ArReport.Counts(originals, clean, adjudicated, denied, paidClaims, rejected),
                carcs,
                reasons(byEdit),
                top,
                months);
    }

    private static final class OpenLine {
        final String account;
        final String payerId;
        final LocalDate serviceDate;
        BigDecimal insurance = BigDecimal.ZERO;
        BigDecimal denial = BigDecimal.ZERO;
        BigDecimal patient = BigDecimal.ZERO;

        OpenLine(String account, String payerId, LocalDate serviceDate) {
            this.account = account;
            this.payerId = payerId;
            this.serviceDate = serviceDate;
        }
    }

    private static final class DenialSum {
        final String explanation;
        int lines;
        BigDecimal amount = BigDecimal.ZERO;

        DenialSum(String explanation) {
            this.explanation = explanation;
        }

        void add(BigDecimal a) {
            lines++;
            amount = amount.add(a);
        }
    }

    private static List<ArReport.DenialReason> reasons(Map<String, DenialSum> sums) {
        List<ArReport.DenialReason> out = new ArrayList<>();
        sums.forEach(
                (reason, s) -> out.add(new ArReport.DenialReason(reason, s.explanation, s.lines, money(s.amount))));
        return out;
    }

    private static void add(
            Map<String, Map<AgingBucket, BigDecimal>> aging, String key, AgingBucket bucket, BigDecimal amount) {
        aging.computeIfAbsent(key, k -> new EnumMap<>(AgingBucket.class)).merge(bucket, amount, BigDecimal::add);
    }

    private static List<ArReport.AgingRow> rows(
            Map<String, Map<AgingBucket, BigDecimal>> aging, Function<String, String> name) {
        List<ArReport.AgingRow> out = new ArrayList<>();
        aging.forEach((key, buckets) -> {
            Map<String, BigDecimal> shown = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (AgingBucket b : AgingBucket.values()) {
                BigDecimal v = buckets.getOrDefault(b, BigDecimal.ZERO);
                shown.put(b.label(), money(v));
                total = total.add(v);
            }
            if (total.signum() != 0 || buckets.values().stream().anyMatch(v -> v.signum() != 0)) {
                out.add(new ArReport.AgingRow(key, name.apply(key), shown, money(total)));
            }
        });
        return out;
    }

    private static BigDecimal total(Map<TransactionType, BigDecimal> totals, TransactionType type) {
        return totals.getOrDefault(type, BigDecimal.ZERO);
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
