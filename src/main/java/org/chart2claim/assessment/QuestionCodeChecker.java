package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;

/**
 * Every code-shaped token in a question's options and rationale must exist in the curated books: ICD-10-CM
 * (letter, digit, digit-or-letter, optional dot part: {@code E11.65}), CPT (five digits, or four digits and F/T/U),
 * HCPCS Level II (letter and four digits: {@code J1885}); a modifier written after a code ({@code 99214-25}) must be
 * in the modifier books. A header (category) counts as existing: distractors may name one. Plain Java.
 */
public final class QuestionCodeChecker {

    /**
     * A code not glued to other letters, digits or dots on either side; the optional {@code -XX} is a modifier.
     * ICD-10-CM written without its dot and four or more characters long is read as HCPCS when it is letter + 4
     * digits.
     */
    static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9.])([A-Z][0-9]{4}|[0-9]{4}[0-9FTU]"
            + "|[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?)(?:-([0-9A-Z]{2}))?(?![A-Za-z0-9])");

    private static final Pattern HCPCS = Pattern.compile("[A-Z][0-9]{4}");
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");

    private final CodeLookup lookup;
    private final Predicate<String> modifierExists;

    public QuestionCodeChecker(CodeLookup lookup, Predicate<String> modifierExists) {
        this.lookup = lookup;
        this.modifierExists = modifierExists;
    }

    /** The code-shaped tokens of a text with their modifiers, as written ({@code 99214-25}). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = CODE.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** The problems of one question, empty when every code exists. */
    public List<String> problems(Question q) {
        Set<String> problems = new LinkedHashSet<>();
        q.options().forEach((letter, text) -> check(text, "option " + letter, problems));
        check(q.rationale(), "rationale", problems);
        return List.copyOf(problems);
    }

    private void check(String text, String where, Set<String> problems) {
        Matcher m = CODE.matcher(text == null ? "" : text);
        while (m.find()) {
            String code = m.group(1);
            String modifier = m.group(2);
            if (HCPCS.matcher(code).matches()) {
                if (lookup.find(CodeSystem.HCPCS, code).isEmpty()) {
                    problems.add(where + ": " + code + " is not in the HCPCS Level II book"
                            + (lookup.find(CodeSystem.ICD10CM, code).isPresent()
                                    ? " (an ICD-10-CM code is written with its dot: " + code.substring(0, 3) + "."
                                            + code.substring(3) + ")"
                                    : ""));
                }
            } else if (CPT.matcher(code).matches()) {
                if (lookup.find(CodeSystem.CPT, code).isEmpty()) {
                    problems.add(where + ": " + code + " is not in the CPT book");
                }
            } else if (lookup.find(CodeSystem.ICD10CM, code).isEmpty()) {
                problems.add(where + ": " + code + " is not in the ICD-10-CM book");
            }
            if (modifier != null && !modifierExists.test(modifier)) {
                problems.add(where + ": modifier " + modifier + " (in " + m.group() + ") is not in the modifier books");
            }
        }
    }
}
