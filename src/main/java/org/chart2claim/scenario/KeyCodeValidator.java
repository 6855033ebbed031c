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
        for (AnswerKey.ProcedureLine line : scenario.key().procedures()) {
            CodeSystem system = CodeFormat.procedureSystem(line.code());
            Optional<CodeInfo> info = lookup.find(system, line.code());
            if (info.isEmpty()) {
                problems.add("key procedure " + line.code() + " is not in the " + label(system) + " code book");
            } else if (!info.get().billable()) {
                problems.add("key procedure " + line.code() + " is not billable");
            }
        }
        return problems;
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
