package org.chart2claim.payer.edit;

import java.util.List;

/**
 * The ordered list of adjudication edits. Order matters the way it does at a payer: claim-level eligibility
 * and filing first, then code validity, clinical consistency, benefit rules, bundling and units, record
 * review, and finally pricing and patient cost sharing on whatever is still payable. Each line keeps the
 * first denial it meets, so the explanation a learner sees is the one a payer would send.
 */
public final class EditRegistry {
    private final List<ClaimEdit> edits;

    public EditRegistry(List<ClaimEdit> edits) {
        this.edits = List.copyOf(edits);
    }

    public static EditRegistry standard() {
        return new EditRegistry(List.of(
                new EligibilityEdit(),
                new OtherPrimaryPayerEdit(),
                new TimelyFilingEdit(),
                new DuplicateClaimEdit(),
                new InvalidProcedureCodeEdit(),
                new InvalidDiagnosisCodeEdit(),
                new MissingSeventhCharacterEdit(),
                new NonBillableDiagnosisEdit(),
                new Excludes1Edit(),
                new SexConflictEdit(),
                new AgeConflictEdit(),
                new InvalidModifierEdit(),
                new MissingModifierEdit(),
                new PlaceOfServiceEdit(),
                new NotCoveredEdit(),
                new PriorAuthorizationEdit(),
                new CoveragePolicyEdit(),
                new NcciPtpEdit(),
                new PreventiveWithProblemVisitEdit(),
                new GlobalSurgeryEdit(),
                new MueEdit(),
                new DocumentationReviewEdit(),
                new FeeScheduleEdit(),
                new CostSharingEdit(),
                new CoordinationOfBenefitsEdit()));
    }

    public List<ClaimEdit> edits() {
        return edits;
    }

    public List<String> names() {
        return edits.stream().map(ClaimEdit::name).toList();
    }
}
