package org.chart2claim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;

/**
 * Checks a parsed scenario's answer key against the code books: every code must exist and be billable,
 * and ICD-10-CM codes must come from the scenario's code-set year. Plain Java over {@link CodeLookup}.
 */
public final class KeyCodeValidator {

    private final CodeLookup lookup;

    public KeyCodeValidator(CodeLookup lookup) {
        this.lookup = lookup;
    }

    /** The problems found, empty when the key is valid. */
    public List<String> problems(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        for (AnswerKey.Diagnosis dx : scenario.key().diagnoses()) {
            checkIcd(dx.code(), scenario.codeSetYear(), "key diagnosis", problems);
        }
        for (String code : scenario.key().optionalCodes()) {
            checkIcd(code, scenario.codeSetYear(), "key optional code", problems);
        }
        List<AnswerKey.ProcedureLine> lines = new ArrayList<>(scenario.key().procedures());
        scenario.key().alternatives().forEach(alt -> lines.addAll(alt.procedures()));
        for (AnswerKey.ProcedureLine line : lines) {
            CodeSystem system = CodeFormat.procedureSystem(line.code());
            Optional<CodeInfo> info = lookup.find(system, line.code());
            if (info.isEmpty()) {
                problems.add("key procedure " + line.code() + " is not in the " + label(system) + " code book");
            } else if (!info.get().billable()) {
                problems.add("key procedure " + line.code() + " is not billable");
            }
        }
        for (AnswerKey.CommonMistake mistake : scenario.key().commonMistakes()) {
            checkMistake(mistake, problems);
        }
        return problems;
    }

    /**
     * A common mistake names a real, billable code, or is flagged {@code invalid: true} on purpose (a code that
     * does not exist or is a header). A flagged one must really be invalid, so the flag cannot hide a typo.
     */
    private void checkMistake(AnswerKey.CommonMistake mistake, List<String> problems) {
        String code = mistake.code();
        if (code == null || code.isEmpty()) {
            return;
        }
        CodeSystem system = CodeFormat.isProcedure(code) ? CodeFormat.procedureSystem(code) : CodeSystem.ICD10CM;
        Optional<CodeInfo> info = lookup.find(system, code);
        boolean real = info.isPresent() && info.get().billable();
        if (mistake.invalid() && real) {
            problems.add("common mistake " + mistake.answer() + " is flagged invalid, but " + code
                    + " is a real billable code: remove 'invalid: true'");
        } else if (!mistake.invalid() && !real) {
            problems.add("common mistake " + mistake.answer() + ": " + code
                    + (info.isPresent() ? " is a header, not a billable code" : " is not in the code books")
                    + "; fix the code or flag the mistake 'invalid: true' if it is wrong on purpose");
        }
    }

    private void checkIcd(String code, String year, String what, List<String> problems) {
        Optional<CodeInfo> info = lookup.find(CodeSystem.ICD10CM, code);
        if (info.isEmpty()) {
            problems.add(what + " " + code + " is not in the ICD-10-CM " + year + " code book");
        } else if (!info.get().billable()) {
            problems.add(what + " " + code + " is a header (not billable): a more specific code is required");
        } else if (info.get().version() != null
                && info.get().version().startsWith("FY")
                && !info.get().version().equals(year)) {
            problems.add(
                    what + " " + code + " was found in " + info.get().version() + ", not in the scenario's " + year);
        }
    }

    /** CPT codes start with a digit (Category II/III end in F/T); HCPCS Level II codes start with a letter. */
    private static String label(CodeSystem system) {
        return system == CodeSystem.HCPCS ? "HCPCS Level II" : "CPT";
    }
}
