package org.chart2claim.payer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.BillingProvider;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Provider;
import org.chart2claim.claim.Sex;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.InMemoryCodeLookup;
import org.chart2claim.payer.data.PayerRules;
import org.chart2claim.payer.data.PayerRulesLoader;

/** Shared test data: the real payer files from codebooks/ and a small code book. */
public final class PayerFixtures {
    public static final LocalDate DOS = LocalDate.of(2026, 3, 14);
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static PayerRules rules;

    public static synchronized PayerRules rules() {
        if (rules == null) {
            rules = PayerRulesLoader.fromDirectory(Path.of("codebooks")).load();
        }
        return rules;
    }

    /** Every fee-schedule procedure code plus the ICD-10-CM codes the tests use. */
    public static InMemoryCodeLookup codes() {
        InMemoryCodeLookup c = new InMemoryCodeLookup();
        for (String line : List.of(
                "99202 99203 99204 99205 99211 99212 99213 99214 99215 99281 99282 99283 99284 99285 99385 99386 99387 99396 99397",
                "20610 20611 20552 20553 11102 11104 12001 12002 12032 17110 36415 80053 80048 82947 85025 93000 93005 93010 83036 71046 71045 73562 73030",
                "25600 45378 45380 45385 47562 59400 76805 76815 90471 90686 96372 J1030 J3301 99242 97810 29881 84153 88305 11720 64493 49505")) {
            for (String code : line.split(" ")) {
                c.add(Character.isLetter(code.charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT, code, true);
            }
        }
        for (String dx : List.of(
                "E11.9",
                "E11.40",
                "E10.9",
                "Z79.84",
                "I10",
                "J02.0",
                "R05.1",
                "M17.11",
                "M17.12",
                "M25.561",
                "B35.1",
                "E55.9",
                "O80",
                "Z34.00",
                "N40.0",
                "Z00.00",
                "Z00.01",
                "Z23",
                "R07.9",
                "E78.5",
                "Z12.5",
                "S52.501A",
                "S93.401A",
                "M79.1",
                "K80.20")) {
            c.icd(dx);
        }
        for (String header :
                List.of("E11", "R05", "S52.5", "S52.50", "S52.501", "S93.4", "S93.40", "S93.401", "M17.1")) {
            c.header(header);
        }
        c.excludes1("E11.9", "E10.9");
        return c;
    }

    /** Marjorie Ellison (medicare-sim member in members.tsv), office visit 99214 for E11.40 + Z79.84. */
    public static ClaimBuilder medicareVisit() {
        return new ClaimBuilder()
                .patientControlNumber("PCN1001")
                .payer("medicare-sim", "Medicare Simulated Part B")
                .insured(new Insured(
                        "1EG4TE5MK73",
                        PersonName.of("Ellison", "Marjorie"),
                        LocalDate.of(1958, 5, 2),
                        Sex.F,
                        new Address("418 Birchwood Lane", "", "Springfield", "IL", "62704"),
                        "",
                        "Medicare Part B"))
                .patient(new Patient(
                        PersonName.of("Ellison", "Marjorie"),
                        LocalDate.of(1958, 5, 2),
                        Sex.F,
                        new Address("418 Birchwood Lane", "", "Springfield", "IL", "62704")))
                .billing(new BillingProvider(
                        "Maple Grove Family Medicine",
                        "1401010107",
                        "47-1234501",
                        new Address("200 Maple Grove Rd", "", "Springfield", "IL", "62704"),
                        "2175550100"))
                .rendering(new Provider(PersonName.of("Okafor", "Lena"), "1502020203"))
                .placeOfService("11")
                .diagnoses("E11.40", "Z79.84")
                .line(DOS, "99214", List.of(), 1, List.of(1, 2), new BigDecimal("286.00"));
    }

    /**
     * George Whitfield's visit sent to Medicare (7AB1CD2EF34), one 99214 for $300 on {@code dos}: his employer's PPO
     * (W700900117) pays first, so Medicare answers CO-22 until the claim carries the PPO's payment.
     */
    public static ClaimBuilder whitfieldAtMedicare(LocalDate dos) {
        PersonName name = PersonName.of("Whitfield", "George");
        LocalDate born = LocalDate.of(1950, 10, 2);
        Address home = new Address("77 Lincoln Avenue", "", "Springfield", "IL", "62702");
        return medicareVisit()
                .insured(new Insured("7AB1CD2EF34", name, born, Sex.M, home, "", ""))
                .patient(new Patient(name, born, Sex.M, home))
                .lines(List.of())
                .line(dos, "99214", List.of(), 1, List.of(1, 2), new BigDecimal("300.00"));
    }

    /** Same patient data but for a ppo-sim member (Olivia Fairbanks, W118476302). */
    public static ClaimBuilder ppoVisit() {
        return medicareVisit()
                .payer("ppo-sim", "Blue Horizon PPO (simulated)")
                .insured(new Insured(
                        "W118476302",
                        PersonName.of("Fairbanks", "Olivia"),
                        LocalDate.of(1990, 12, 3),
                        Sex.F,
                        new Address("4410 Sangamon Avenue", "", "Springfield", "IL", "62702"),
                        "",
                        "PPO"))
                .patient(new Patient(
                        PersonName.of("Fairbanks", "Olivia"),
                        LocalDate.of(1990, 12, 3),
                        Sex.F,
                        new Address("4410 Sangamon Avenue", "", "Springfield", "IL", "62702")));
    }

    public static AdjudicationRequest request(Claim claim) {
        return new AdjudicationRequest(claim, List.of(), DOS.plusDays(10), List.of(), null, "SIM0001");
    }

    public static Adjudicator adjudicator() {
        return new Adjudicator(rules(), codes());
    }

    public static ClaimResult adjudicate(Claim claim) {
        return adjudicator().adjudicate(request(claim), TODAY);
    }

    private PayerFixtures() {}
}
