package org.chart2claim.payer.edit;

import java.util.List;
import java.util.Optional;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.DocumentedEncounter;
import org.chart2claim.payer.DocumentedEncounter.DocumentedService;
import org.chart2claim.payer.GroupCode;

/**
 * Prepayment documentation review for claims built from a scenario: billed codes are compared with what the
 * note supports (the answer key). An E/M level above the documented one is downcoded (CO-150 + N22, priced
 * at the supported level); a service the note does not support is denied CO-50; a line whose diagnoses the
 * note does not document at all is denied CO-11.
 */
public final class DocumentationReviewEdit implements ClaimEdit {
    public static final String NAME = DocumentationReviewEdit.class.getSimpleName();

    /** The exam-mode explanation: the reason group only, no supported level, no documented codes. */
    public static String examExplanation(String carc) {
        return switch (carc) {
            case "150" ->
                "Medical record review: the documentation does not support the level of service billed; "
                        + "the line is paid at a lower level.";
            case "11" -> "Medical record review: the diagnoses do not support this service as billed.";
            default -> "Medical record review: the service is not payable as billed.";
        };
    }

    @Override
    public void apply(AdjudicationContext ctx) {
        DocumentedEncounter record = ctx.request().documentation();
        if (record == null) {
            return;
        }
        List<String> documentedDx =
                record.diagnoses().stream().map(CodeFormat::undotted).toList();
        for (LineState line : ctx.openLines()) {
            String code = line.line().code();
            boolean documented =
                    record.services().stream().anyMatch(s -> s.code().equals(code));
            if (!documented) {
                Optional<DocumentedService> lowerLevel = CodeFormat.isEvaluationAndManagement(code)
                        ? record.services().stream()
                                .filter(s ->
                                        sameFamily(s.code(), code) && s.code().compareTo(code) < 0)
                                .findFirst()
                        : Optional.empty();
                if (lowerLevel.isPresent()) {
                    String supported = lowerLevel.get().code();
                    ctx.reduce(
                            line,
                            new LineState.Reduction(
                                    supported,
                                    "150",
                                    List.of("N22"),
                                    name(),
                                    "The record supports E/M level " + supported + ", not " + code
                                            + ": the line is paid at the " + supported + " rate.",
                                    "Level E/M visits by medical decision making (problems, data, risk: two of three) or by total time on the date, as documented."));
                } else {
                    ctx.denyLine(
                            line,
                            GroupCode.CO,
                            "50",
                            List.of(),
                            name(),
                            "Medical record review: the note does not document " + code
                                    + ", so it is not payable as billed.",
                            "Bill only services the note documents; re-read the procedure section and the E/M family for this setting.");
                }
                continue;
            }
            List<String> pointed = ctx.claim().diagnosesFor(line.line()).stream()
                    .map(CodeFormat::undotted)
                    .toList();
            if (!pointed.isEmpty() && pointed.stream().noneMatch(documentedDx::contains)) {
                ctx.denyLine(
                        line,
                        GroupCode.CO,
                        "11",
                        List.of(),
                        name(),
                        "Medical record review: the diagnoses on " + AdjudicationContext.describe(line)
                                + " are not documented in the note.",
                        "Report the diagnoses the provider documented and point each line to the one that explains why the service was done.");
            }
        }
    }

    /** Same E/M family: office new 9920x, office established 9921x, ED 9928x, preventive... (first four digits). */
    private static boolean sameFamily(String a, String b) {
        return a.length() == 5 && b.length() == 5 && a.substring(0, 4).equals(b.substring(0, 4));
    }
}
