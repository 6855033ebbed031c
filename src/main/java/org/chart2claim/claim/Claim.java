package org.chart2claim.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A professional claim with the CMS-1500 (02/12) content that X12 837P (005010X222A1) also carries.
 * Diagnoses are kept as entered (dotted ICD-10-CM, A–L in order); {@link ClaimScrubber} checks the boxes.
 *
 * @param patientControlNumber box 26 / CLM01, the practice's id for this claim
 * @param payerId              the payer's id (NM1*PR), e.g. {@code medicare-sim}
 * @param referring            box 17/17b, {@link Provider#none()} when no referral
 * @param otherCoverage        boxes 9/11d, {@code null} when the patient has no other plan
 * @param placeOfService       claim-level POS (CLM05-1); each line may override it
 * @param originalClaimNumber  box 22 original ref. no. (REF*F8) for frequency 7 and 8
 */
public record Claim(
        String patientControlNumber,
        String payerId,
        String payerName,
        Insured insured,
        Patient patient,
        Relationship relationship,
        OtherCoverage otherCoverage,
        AccidentIndicators accident,
        Provider referring,
        String priorAuthorization,
        List<String> diagnoses,
        List<ServiceLine> lines,
        BillingProvider billing,
        Provider rendering,
        String placeOfService,
        FrequencyCode frequency,
        String originalClaimNumber,
        boolean acceptAssignment) {

    public static final int MAX_DIAGNOSES = 12;
    public static final int MAX_LINES = 50;

    public Claim {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        lines = lines == null ? List.of() : List.copyOf(lines);
        accident = accident == null ? AccidentIndicators.none() : accident;
        referring = referring == null ? Provider.none() : referring;
        rendering = rendering == null ? Provider.none() : rendering;
        frequency = frequency == null ? FrequencyCode.ORIGINAL : frequency;
        relationship = relationship == null ? Relationship.SELF : relationship;
    }

    /** Box 28. */
    public BigDecimal totalCharge() {
        return lines.stream()
                .map(ServiceLine::charge)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Earliest line date: the date timely filing and eligibility are measured from. */
    public LocalDate firstServiceDate() {
        return lines.stream()
                .map(ServiceLine::from)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Box 24J for a line, falling back to the claim's rendering provider. */
    public String renderingNpiFor(ServiceLine line) {
        return ClaimText.isBlank(line.renderingNpi()) ? rendering.npi() : line.renderingNpi();
    }

    /** The line's place of service, falling back to the claim level. */
    public String placeOfServiceFor(ServiceLine line) {
        return ClaimText.isBlank(line.placeOfService()) ? placeOfService : line.placeOfService();
    }

    /** Diagnosis codes a line points to (pointers out of range are skipped; the scrubber reports them). */
    public List<String> diagnosesFor(ServiceLine line) {
        return line.pointers().stream()
                .filter(p -> p >= 1 && p <= diagnoses.size())
                .map(p -> diagnoses.get(p - 1))
                .toList();
    }

    // Copies with one part changed go through ClaimBuilder, the one place that lists every box.

    /** The same claim with other service lines (a corrected claim keeps everything else). */
    public Claim withLines(List<ServiceLine> newLines) {
        return ClaimBuilder.from(this).lines(newLines).build();
    }
}
