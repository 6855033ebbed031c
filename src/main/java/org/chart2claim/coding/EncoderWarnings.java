package org.chart2claim.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;

/**
 * The warnings a real encoder shows while codes are added to a claim: unknown code, header (non-billable)
 * code, missing 7th character or placeholder X, Excludes1 conflict with another chosen code. They describe
 * the code, never the answer key. Plain Java over {@link CodeLookup}.
 */
public final class EncoderWarnings {

    private final CodeLookup lookup;

    public EncoderWarnings(CodeLookup lookup) {
        this.lookup = lookup;
    }

    /** Warnings for one diagnosis code among the others already chosen. */
    public List<String> forDiagnosis(String code, List<String> otherChosen) {
        List<String> warnings = new ArrayList<>();
        if (lookup == null) {
            return warnings;
        }
        Optional<CodeInfo> info = lookup.find(CodeSystem.ICD10CM, code);
        if (info.isEmpty()) {
            Optional<String> withPlaceholder = seventhCharacterVariant(code);
            if (withPlaceholder.isPresent()) {
                warnings.add(code
                        + " is incomplete: this category needs a 7th character (with placeholder X where the code is short), e.g. "
                        + withPlaceholder.get() + ".");
            } else {
                warnings.add(code + " is not a valid ICD-10-CM code in the active code book.");
            }
            return warnings;
        }
        if (!info.get().billable()) {
            Optional<String> seventh = seventhCharacterVariant(code);
            if (seventh.isPresent()) {
                warnings.add(
                        code + " needs a 7th character (e.g. " + seventh.get() + "): it is not billable as it stands.");
            } else {
                warnings.add(
                        code + " is a header code (" + info.get().title() + "): choose a more specific code below it.");
            }
        }
        List<String> others = otherChosen.stream().filter(o -> !o.equals(code)).toList();
        if (!others.isEmpty()) {
            for (String conflict : lookup.excludes1Conflicts(code, others)) {
                warnings.add("Excludes1: " + code + " and " + conflict + " are not reported together.");
            }
        }
        return warnings;
    }

    /** Warnings for a CPT/HCPCS code on a claim line. */
    public List<String> forProcedure(String code) {
        List<String> warnings = new ArrayList<>();
        if (lookup == null) {
            return warnings;
        }
        CodeSystem system = CodeFormat.procedureSystem(code);
        Optional<CodeInfo> info = lookup.find(system, code);
        if (info.isEmpty()) {
            warnings.add(
                    code + " is not in the " + (system == CodeSystem.HCPCS ? "HCPCS Level II" : "CPT") + " code book.");
        } else if (!info.get().billable()) {
            warnings.add(code + " is not billable as it stands.");
        }
        return warnings;
    }

    /** If adding placeholder X's and a 7th character A makes a billable code, that example code. */
    private Optional<String> seventhCharacterVariant(String code) {
        return CodeFormat.seventhCharacterVariant(code)
                .flatMap(candidate -> lookup.find(CodeSystem.ICD10CM, candidate))
                .filter(CodeInfo::billable)
                .map(CodeInfo::code);
    }
}
