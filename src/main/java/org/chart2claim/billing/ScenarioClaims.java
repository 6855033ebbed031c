package org.chart2claim.billing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.BillingProvider;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Provider;
import org.chart2claim.claim.Relationship;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.claim.Sex;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;

/**
 * Builds a claim from a scenario's encounter data the way a practice-management system pre-fills one:
 * patient, insured (the patient is the subscriber in our scenarios), payer, providers, place and date of
 * service and prior authorization from the scenario; diagnoses, lines, modifiers, units and pointers from
 * the learner's coding; charges from the practice's charge master.
 */
public final class ScenarioClaims {
    private ScenarioClaims() {}

    /**
     * @param chargePerUnit   practice charge for one unit of a code (empty → 0, which the scrubber flags)
     * @param billingAddress  box 33 address and phone on file for the billing NPI
     */
    public static Claim build(
            Scenario s,
            CodingAnswer coding,
            String patientControlNumber,
            Function<String, Optional<BigDecimal>> chargePerUnit,
            Address billingAddress,
            String billingPhone) {
        Scenario.Patient p = s.patient();
        PersonName name = personName(p.name());
        Address address = address(p.address());
        Sex sex = Sex.parse(p.sex());
        List<ServiceLine> lines = new ArrayList<>();
        for (CodingAnswer.Line l : coding.procedures()) {
            int units = Math.max(1, l.units());
            BigDecimal charge = chargePerUnit
                    .apply(l.code())
                    .map(c -> c.multiply(BigDecimal.valueOf(units)))
                    .orElse(BigDecimal.ZERO);
            lines.add(new ServiceLine(
                    s.dateOfService(),
                    s.dateOfService(),
                    "",
                    false,
                    l.code(),
                    l.modifiers(),
                    l.pointers(),
                    charge,
                    units,
                    ""));
        }
        Provider referring = s.referring()
                .map(r -> new Provider(personName(r.name()), r.npi()))
                .orElse(Provider.none());
        return new ClaimBuilder()
                .patientControlNumber(patientControlNumber)
                .payer(s.payer().id(), s.payer().plan())
                .insured(new Insured(
                        p.memberId(),
                        name,
                        p.dateOfBirth(),
                        sex,
                        address,
                        "",
                        s.payer().plan()))
                .patient(new Patient(name, p.dateOfBirth(), sex, address))
                .relationship(Relationship.SELF)
                .referring(referring)
                .priorAuthorization(s.priorAuth().orElse(""))
                .diagnoses(coding.diagnoses())
                .lines(lines)
                .billing(new BillingProvider(
                        s.billingProvider().name(),
                        s.billingProvider().npi(),
                        ClaimText.nz(s.billingProvider().taxId()),
                        billingAddress,
                        billingPhone))
                .rendering(new Provider(
                        personName(s.renderingProvider().name()),
                        s.renderingProvider().npi()))
                .placeOfService(s.placeOfService())
                .build();
    }

    /** "Lena Okafor, MD" → last Okafor, first Lena (credentials after a comma are dropped). */
    static PersonName personName(String full) {
        String n = ClaimText.nz(full);
        int comma = n.indexOf(',');
        if (comma > 0) {
            n = n.substring(0, comma).trim();
        }
        int space = n.lastIndexOf(' ');
        if (space < 0) {
            return new PersonName(n, "", "");
        }
        return new PersonName(n.substring(space + 1), n.substring(0, space), "");
    }

    private static Address address(Scenario.Address a) {
        if (a == null) {
            return Address.empty();
        }
        return new Address(a.line1(), a.line2() == null ? "" : a.line2(), a.city(), a.state(), a.zip());
    }
}
