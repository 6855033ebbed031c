package org.chart2claim.payer;

import java.time.LocalDate;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.payer.data.Authorization;

/**
 * Everything one adjudication needs besides the payer rules.
 *
 * @param intakeProblems problems found while reading the claim (e.g. ICD-9 qualifiers in the 837P): front-end rejections
 * @param receivedOn     the date the payer received the claim (timely filing counts to it)
 * @param history        earlier claims of the same caller and ledger, asked by the history edits
 * @param documentation  the record's supported codes for documentation review, or null when none applies
 * @param payerClaimNumber control number the payer assigns (CLP07)
 * @param retroAuthorization an authorization the payer granted after the service (a retro-authorization request),
 *     linked when it reprocesses the claim; null otherwise
 */
public record AdjudicationRequest(
        Claim claim,
        List<String> intakeProblems,
        LocalDate receivedOn,
        ClaimHistory history,
        DocumentedEncounter documentation,
        String payerClaimNumber,
        Authorization retroAuthorization) {
    public AdjudicationRequest {
        intakeProblems = intakeProblems == null ? List.of() : List.copyOf(intakeProblems);
        history = history == null ? ClaimHistory.empty() : history;
    }

    public AdjudicationRequest(
            Claim claim,
            List<String> intakeProblems,
            LocalDate receivedOn,
            ClaimHistory history,
            DocumentedEncounter documentation,
            String payerClaimNumber) {
        this(claim, intakeProblems, receivedOn, history, documentation, payerClaimNumber, null);
    }

    /** With a history of earlier claims held in memory, oldest first. */
    public AdjudicationRequest(
            Claim claim,
            List<String> intakeProblems,
            LocalDate receivedOn,
            List<PriorClaim> history,
            DocumentedEncounter documentation,
            String payerClaimNumber) {
        this(
                claim,
                intakeProblems,
                receivedOn,
                ClaimHistory.of(history == null ? List.of() : history),
                documentation,
                payerClaimNumber);
    }

    public static AdjudicationRequest of(Claim claim, LocalDate receivedOn, String payerClaimNumber) {
        return new AdjudicationRequest(claim, List.of(), receivedOn, ClaimHistory.empty(), null, payerClaimNumber);
    }
}
