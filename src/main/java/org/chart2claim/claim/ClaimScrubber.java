package org.chart2claim.claim;

import static org.chart2claim.claim.ClaimText.isBlank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.standard.Npi;
import org.chart2claim.standard.PlaceOfService;

/**
 * Field-level checks a practice-management scrubber runs before a claim leaves the office: required boxes,
 * date order, NPI check digits, code formats and diagnosis pointer range. The same checks serve as the
 * payer's front-end (277CA-style) rejection, so a claim that passes here is never rejected for form.
 */
public final class ClaimScrubber {

    public List<ScrubFinding> scrub(Claim claim, LocalDate today) {
        List<ScrubFinding> out = new ArrayList<>();
        if (claim == null) {
            out.add(new ScrubFinding("-", "claim", "No claim data was received."));
            return out;
        }
        Insured insured = claim.insured();
        Patient patient = claim.patient();
        if (isBlank(claim.payerId())) {
            out.add(new ScrubFinding("header", "payer", "Choose the payer the claim goes to."));
        }
        if (insured == null || isBlank(insured.memberId())) {
            out.add(new ScrubFinding("1a", "insured's ID", "The insured's member ID is required."));
        }
        if (patient == null || patient.name() == null || !patient.name().complete()) {
            out.add(new ScrubFinding("2", "patient name", "Enter the patient's last and first name."));
        }
        if (patient == null || patient.birthDate() == null) {
            out.add(new ScrubFinding("3", "patient birth date", "The patient's date of birth is required."));
        } else if (patient.birthDate().isAfter(today)) {
            out.add(new ScrubFinding("3", "patient birth date", "The date of birth is in the future."));
        }
        if (patient == null || patient.sex() == null || patient.sex() == Sex.U) {
            out.add(new ScrubFinding("3", "patient sex", "Mark the patient's sex (M or F)."));
        }
        if (insured == null || insured.name() == null || !insured.name().complete()) {
            out.add(new ScrubFinding("4", "insured's name", "Enter the insured's last and first name."));
        }
        if (patient != null && (patient.address() == null || !patient.address().complete())) {
            out.add(new ScrubFinding("5", "patient address", "Street, city, state and ZIP are required."));
        }
        if (claim.relationship() != Relationship.SELF
                && insured != null
                && (insured.address() == null || !insured.address().complete())) {
            out.add(new ScrubFinding(
                    "7",
                    "insured's address",
                    "The insured's address is required when the patient is not the insured."));
        }
        if (claim.otherCoverage() != null && isBlank(claim.otherCoverage().policyNumber())) {
            out.add(new ScrubFinding(
                    "9a", "other insured's policy", "Other coverage is marked: give the other policy number."));
        }
        if (claim.accident().autoAccident()
                && (isBlank(claim.accident().autoAccidentState())
                        || !claim.accident().autoAccidentState().matches("[A-Z]{2}"))) {
            out.add(new ScrubFinding(
                    "10b", "auto accident state", "An auto accident needs the two-letter state where it happened."));
        }
        if (claim.referring().present()) {
            if (claim.referring().name() == null
                    || isBlank(claim.referring().name().last())) {
                out.add(new ScrubFinding("17", "referring provider", "Give the referring provider's name."));
            }
            if (!Npi.isValid(claim.referring().npi())) {
                out.add(new ScrubFinding(
                        "17b",
                        "referring NPI",
                        "'" + ClaimText.nz(claim.referring().npi())
                                + "' is not a valid NPI (10 digits, check digit)."));
            }
        }
        checkDiagnoses(claim, out);
        if (claim.frequency().needsOriginalClaimNumber() && isBlank(claim.originalClaimNumber())) {
            out.add(new ScrubFinding(
                    "22",
                    "original ref. no.",
                    "A replacement (7) or void (8) must give the payer's original claim number."));
        }
        checkLines(claim, today, out);
        BillingProvider billing = claim.billing();
        if (billing == null
                || isBlank(billing.taxId())
                || !billing.taxId().replace("-", "").matches("\\d{9}")) {
            out.add(new ScrubFinding("25", "federal tax id", "The billing provider's tax id must be 9 digits."));
        }
        if (isBlank(claim.patientControlNumber())) {
            out.add(new ScrubFinding("26", "patient account no.", "The patient account (control) number is required."));
        } else if (claim.patientControlNumber().length() > 20) {
            out.add(new ScrubFinding("26", "patient account no.", "At most 20 characters fit CLM01."));
        }
        if (billing == null || isBlank(billing.name())) {
            out.add(new ScrubFinding("33", "billing provider", "The billing provider's name is required."));
        }
        if (billing == null || billing.address() == null || !billing.address().complete()) {
            out.add(new ScrubFinding(
                    "33", "billing address", "The billing provider's street, city, state and ZIP are required."));
        }
        if (billing == null || !Npi.isValid(billing.npi())) {
            out.add(new ScrubFinding(
                    "33a",
                    "billing NPI",
                    "'" + (billing == null ? "" : ClaimText.nz(billing.npi()))
                            + "' is not a valid NPI (10 digits, check digit)."));
        }
        if (!isBlank(claim.rendering().npi()) && !Npi.isValid(claim.rendering().npi())) {
            out.add(new ScrubFinding(
                    "24J",
                    "rendering NPI",
                    "'" + claim.rendering().npi() + "' is not a valid NPI (10 digits, check digit)."));
        }
        return out;
    }

    private static void checkDiagnoses(Claim claim, List<ScrubFinding> out) {
        if (claim.diagnoses().isEmpty()) {
            out.add(new ScrubFinding("21", "diagnosis A", "At least one diagnosis code is required."));
        }
        if (claim.diagnoses().size() > Claim.MAX_DIAGNOSES) {
            out.add(new ScrubFinding("21", "diagnoses", "At most 12 diagnoses (A–L) fit one claim."));
        }
        for (int i = 0; i < claim.diagnoses().size() && i < Claim.MAX_DIAGNOSES; i++) {
            String code = claim.diagnoses().get(i);
            if (!CodeFormat.isIcd10(code)) {
                out.add(new ScrubFinding(
                        "21",
                        "diagnosis " + (char) ('A' + i),
                        "'" + ClaimText.nz(code) + "' is not an ICD-10-CM code format."));
            }
        }
    }

    private static void checkLines(Claim claim, LocalDate today, List<ScrubFinding> out) {
        if (claim.lines().isEmpty()) {
            out.add(new ScrubFinding("24", "service lines", "At least one service line is required."));
        }
        if (claim.lines().size() > Claim.MAX_LINES) {
            out.add(new ScrubFinding("24", "service lines", "At most 50 service lines fit one 837P claim."));
        }
        LocalDate birth = claim.patient() == null ? null : claim.patient().birthDate();
        for (int i = 0; i < claim.lines().size(); i++) {
            ServiceLine line = claim.lines().get(i);
            String n = "line " + (i + 1);
            if (line.from() == null) {
                out.add(new ScrubFinding("24A", n + " date", "The date of service is required."));
            } else {
                if (line.to() != null && line.to().isBefore(line.from())) {
                    out.add(new ScrubFinding("24A", n + " date", "The 'to' date is before the 'from' date."));
                }
                if (line.from().isAfter(today)
                        || (line.to() != null && line.to().isAfter(today))) {
                    out.add(new ScrubFinding(
                            "24A", n + " date", "Services cannot be billed before they happen (date in the future)."));
                }
                if (birth != null && line.from().isBefore(birth)) {
                    out.add(new ScrubFinding(
                            "24A", n + " date", "The date of service is before the patient's birth date."));
                }
            }
            String pos = claim.placeOfServiceFor(line);
            if (!PlaceOfService.isValid(pos)) {
                out.add(new ScrubFinding(
                        "24B",
                        n + " place of service",
                        "'" + ClaimText.nz(pos) + "' is not a CMS place-of-service code."));
            }
            if (!CodeFormat.isProcedure(line.code())) {
                out.add(new ScrubFinding(
                        "24D", n + " code", "'" + ClaimText.nz(line.code()) + "' is not a CPT or HCPCS code format."));
            }
            if (line.modifiers().size() > 4) {
                out.add(new ScrubFinding("24D", n + " modifiers", "At most four modifiers fit a line."));
            }
            for (String m : line.modifiers()) {
                if (!CodeFormat.isModifier(m)) {
                    out.add(new ScrubFinding("24D", n + " modifiers", "'" + m + "' is not a two-character modifier."));
                }
            }
            if (line.pointers().isEmpty()) {
                out.add(new ScrubFinding("24E", n + " pointer", "Point the line to at least one diagnosis (A–L)."));
            }
            if (line.pointers().size() > 4) {
                out.add(new ScrubFinding("24E", n + " pointer", "At most four diagnosis pointers per line."));
            }
            for (int p : line.pointers()) {
                if (p < 1 || p > claim.diagnoses().size()) {
                    out.add(new ScrubFinding(
                            "24E", n + " pointer", "Pointer " + pointerLetter(p) + " has no diagnosis in box 21."));
                }
            }
            if (line.charge().compareTo(BigDecimal.ZERO) <= 0) {
                out.add(new ScrubFinding("24F", n + " charge", "The charge must be greater than zero."));
            }
            if (line.units() < 1) {
                out.add(new ScrubFinding("24G", n + " units", "Units must be at least 1."));
            }
            if (!isBlank(line.renderingNpi()) && !Npi.isValid(line.renderingNpi())) {
                out.add(new ScrubFinding(
                        "24J",
                        n + " rendering NPI",
                        "'" + line.renderingNpi() + "' is not a valid NPI (10 digits, check digit)."));
            }
        }
    }

    public static String pointerLetter(int p) {
        return p >= 1 && p <= 26 ? String.valueOf((char) ('A' + p - 1)) : String.valueOf(p);
    }
}
