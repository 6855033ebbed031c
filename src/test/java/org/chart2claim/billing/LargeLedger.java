package org.chart2claim.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.ClaimLedger;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.payer.PayerService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large ledger for benchmarks and regression tests: answered claims stored the way the payer stores them, four
 * adjudicated shapes (paid with the deductible, with a copay, partly denied, denied for eligibility) over patients
 * "Bench0".."BenchN" and 150 dates of service, received {@code PayerFixtures.DOS + 7}.
 */
public final class LargeLedger {
    private LargeLedger() {}

    /** The four templates adjudicated by the simulated payer. */
    public static List<ClaimResult> answers() {
        return templates().stream().map(PayerFixtures::adjudicate).toList();
    }

    /** Four adjudicated templates (paid with deductible, copay, partly denied, denied) varied over patients and dates. */
    public static List<Claim> templates() {
        Claim ppo = PayerFixtures.ppoVisit().build();
        List<ServiceLine> twoLines = new java.util.ArrayList<>(ppo.lines());
        twoLines.add(new ServiceLine(
                PayerFixtures.DOS,
                PayerFixtures.DOS,
                "",
                false,
                "99999",
                List.of(),
                List.of(1),
                new BigDecimal("50.00"),
                1,
                ""));
        org.chart2claim.claim.Address address = ppo.patient().address();
        return List.of(
                PayerFixtures.medicareVisit().build(),
                ppo,
                ClaimBuilder.from(ppo).lines(twoLines).build(),
                ClaimBuilder.from(ppo)
                        .insured(new org.chart2claim.claim.Insured(
                                "W700100201",
                                PersonName.of("Tenney", "Harold"),
                                java.time.LocalDate.of(1969, 4, 11),
                                org.chart2claim.claim.Sex.M,
                                address,
                                "",
                                ""))
                        .build());
    }

    public static Claim variant(Claim template, int i, int patients) {
        LocalDate dos = PayerFixtures.DOS.minusDays(i % 150);
        PersonName name = PersonName.of(
                "Bench" + (i % patients), template.patient().name().first());
        return ClaimBuilder.from(template)
                .patientControlNumber("B" + i)
                .patient(new Patient(
                        name,
                        template.patient().birthDate(),
                        template.patient().sex(),
                        template.patient().address()))
                .lines(template.lines().stream()
                        .map(l -> new ServiceLine(
                                dos,
                                dos,
                                l.placeOfService(),
                                l.emergency(),
                                l.code(),
                                l.modifiers(),
                                l.pointers(),
                                l.charge(),
                                l.units(),
                                l.renderingNpi()))
                        .toList())
                .build();
    }

    public static ClaimResult numbered(ClaimResult r, String number, LocalDate dos) {
        List<LineResult> lines = r.lines().stream()
                .map(l -> new LineResult(
                        l.line(),
                        l.code(),
                        l.modifiers(),
                        l.units(),
                        dos,
                        l.billed(),
                        l.allowed(),
                        l.paid(),
                        l.adjustments()))
                .toList();
        return new ClaimResult(
                r.patientControlNumber(),
                number,
                r.payerId(),
                r.payerName(),
                r.memberId(),
                r.patientLastName(),
                r.patientFirstName(),
                r.billingNpi(),
                r.billingName(),
                r.billingTaxId(),
                r.status(),
                r.billed(),
                r.paid(),
                r.patientResponsibility(),
                r.rejections(),
                lines);
    }

    /** Stores {@code claims} answered claims over {@code patients} patients; answers the results in order. */
    public static List<ClaimResult> store(
            ClaimLedger claimLedger,
            TransactionTemplate tx,
            String user,
            String ledger,
            int claims,
            int patients,
            List<ClaimResult> answers) {
        List<Claim> templates = templates();
        List<ClaimResult> inMemory = new ArrayList<>(claims);
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < claims; from += PayerService.BATCH) {
                List<ClaimLedger.Received> received = new ArrayList<>();
                List<Claim> batch = new ArrayList<>();
                for (int i = from; i < Math.min(claims, from + PayerService.BATCH); i++) {
                    Claim c = variant(templates.get(i % templates.size()), i, patients);
                    batch.add(c);
                    received.add(new ClaimLedger.Received(c, org.chart2claim.config.Json.MAPPER.writeValueAsString(c)));
                }
                inMemory.addAll(storeAnswered(claimLedger, user, ledger, from, batch, received, answers));
            }
        });
        return inMemory;
    }

    /** Stores claims already built with their answers (answer {@code from + k} for claim k). */
    public static List<ClaimResult> storeAnswered(
            ClaimLedger claimLedger,
            String user,
            String ledger,
            int from,
            List<Claim> claims,
            List<ClaimLedger.Received> received,
            List<ClaimResult> answers) {
        List<Long> ids = claimLedger.storeReceived(user, ledger, null, PayerFixtures.DOS.plusDays(7), null, received);
        List<ClaimResult> results = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            int i = from + k;
            ClaimResult r = numbered(
                    answers.get(i % answers.size()),
                    ClaimLedger.payerClaimNumber(ids.get(k)),
                    claims.get(k).firstServiceDate());
            results.add(r);
            json.add(org.chart2claim.config.Json.MAPPER.writeValueAsString(r));
        }
        claimLedger.storeResults(user, ledger, ids, claims, results, json);
        return results;
    }
}
