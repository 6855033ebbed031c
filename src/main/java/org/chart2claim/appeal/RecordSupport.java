package org.chart2claim.appeal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.payer.DocumentedEncounter;

/** Compares a billed line with the record (the scenario's documented encounter). */
public final class RecordSupport {
    private RecordSupport() {}

    /** How the record supports line {@code lineNumber} (1-based) of {@code claim}. */
    public static Support of(Claim claim, int lineNumber, DocumentedEncounter record) {
        if (record == null) {
            return Support.NO_RECORD;
        }
        if (lineNumber < 1 || lineNumber > claim.lines().size()) {
            return Support.NOT_DOCUMENTED;
        }
        ServiceLine line = claim.lines().get(lineNumber - 1);
        List<DocumentedEncounter.DocumentedService> sameCode = record.services().stream()
                .filter(s -> s.code().equals(line.code()))
                .toList();
        if (sameCode.isEmpty()) {
            return lowerLevelDocumented(line.code(), record).isPresent()
                    ? Support.CODED_DIFFERENTLY
                    : Support.NOT_DOCUMENTED;
        }
        List<String> documentedDx =
                record.diagnoses().stream().map(CodeFormat::undotted).toList();
        List<String> pointed =
                claim.diagnosesFor(line).stream().map(CodeFormat::undotted).toList();
        boolean diagnosesDocumented = !pointed.isEmpty() && documentedDx.containsAll(pointed);
        boolean asBilled = sameCode.stream()
                .anyMatch(s -> new HashSet<>(s.modifiers()).equals(new HashSet<>(line.modifiers()))
                        && s.units() == line.units());
        return asBilled && diagnosesDocumented ? Support.AS_BILLED : Support.CODED_DIFFERENTLY;
    }

    /** An E/M of the same family at a lower level, when the record documents one (a downcode's supported level). */
    static Optional<String> lowerLevelDocumented(String code, DocumentedEncounter record) {
        if (!CodeFormat.isEvaluationAndManagement(code)) {
            return Optional.empty();
        }
        return record.services().stream()
                .map(DocumentedEncounter.DocumentedService::code)
                .filter(c -> c.length() == 5
                        && code.length() == 5
                        && c.substring(0, 4).equals(code.substring(0, 4)))
                .findFirst();
    }
}
