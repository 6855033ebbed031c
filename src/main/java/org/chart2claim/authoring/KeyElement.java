package org.chart2claim.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.coding.GradeResult;

/**
 * One element of an answer key that a student can dispute: a key diagnosis ({@code dx:E11.40}), the sequence
 * (which diagnosis is listed first, {@code sequence}), or one part of a claim line ({@code line:1:code},
 * {@code line:1:modifiers}, {@code line:1:units}, {@code line:1:pointers}). The key is stable text stored with the
 * dispute; {@link #missedIn} reads a graded result to tell whether a learner got that element wrong. Plain Java.
 */
public record KeyElement(String key, String label) {

    private static final Pattern DX = Pattern.compile("dx:([A-Z0-9.]{3,8})");
    private static final Pattern LINE = Pattern.compile("line:(\\d{1,2}):(code|modifiers|units|pointers)");

    /** Every element of the key as the graded result shows it, in the feedback page's order. */
    public static List<KeyElement> of(GradeResult result) {
        List<KeyElement> elements = new ArrayList<>();
        for (GradeResult.DiagnosisVerdict dx : result.diagnoses()) {
            elements.add(new KeyElement("dx:" + dx.keyCode(), "Diagnosis " + dx.keyCode()));
        }
        elements.add(
                new KeyElement("sequence", "Sequence: " + result.firstListed().keyCode() + " listed first"));
        for (GradeResult.ProcedureVerdict line : result.procedures()) {
            String prefix = "line:" + line.keyLine() + ":";
            String name = "Line " + line.keyLine() + " (" + line.keyCode() + ")";
            elements.add(new KeyElement(prefix + "code", name + ": code " + line.keyCode()));
            elements.add(new KeyElement(
                    prefix + "modifiers",
                    name + ": modifiers "
                            + (line.keyModifiers().isEmpty() ? "none" : String.join(", ", line.keyModifiers()))));
            elements.add(new KeyElement(prefix + "units", name + ": units " + line.keyUnits()));
            elements.add(new KeyElement(
                    prefix + "pointers", name + ": pointers to " + String.join(", ", line.keyPointedCodes())));
        }
        return elements;
    }

    /** The element with this key in a graded result, empty when the key names nothing in it. */
    public static Optional<KeyElement> find(GradeResult result, String key) {
        return of(result).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** True when the graded result shows the learner did not get this element fully right. */
    public boolean missedIn(GradeResult result) {
        if (key.equals("sequence")) {
            return result.firstListed().verdict() != GradeResult.Verdict.CORRECT;
        }
        Matcher dx = DX.matcher(key);
        if (dx.matches()) {
            return result.diagnoses().stream()
                    .filter(v -> v.keyCode().equals(dx.group(1)))
                    .anyMatch(v -> v.verdict() != GradeResult.Verdict.CORRECT);
        }
        Matcher line = LINE.matcher(key);
        if (line.matches()) {
            int number = Integer.parseInt(line.group(1));
            return result.procedures().stream()
                    .filter(v -> v.keyLine() == number)
                    .anyMatch(v -> verdict(v, line.group(2)) != GradeResult.Verdict.CORRECT);
        }
        return false;
    }

    private static GradeResult.Verdict verdict(GradeResult.ProcedureVerdict v, String part) {
        return switch (part) {
            case "code" -> v.code();
            case "modifiers" -> v.modifiers();
            case "units" -> v.units();
            default -> v.pointers();
        };
    }
}
