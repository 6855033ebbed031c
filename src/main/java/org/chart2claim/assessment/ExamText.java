package org.chart2claim.assessment;

import java.util.regex.Pattern;

/**
 * A stem or rationale as a page shows it. Bank files write long texts as YAML literal blocks wrapped at about 100
 * characters; shown with their line breaks, those wraps make ragged lines in a wider or narrower column. So a line
 * break inside a paragraph becomes a space, while a blank line (a new paragraph) and a line that starts a list item
 * ({@code - }, {@code • }, {@code 1. }, {@code 2) }) keep theirs. Plain Java.
 */
public final class ExamText {

    /**
     * A line break after text (with the spaces around it) that is not followed by a blank line or a list item.
     */
    private static final Pattern WRAP =
            Pattern.compile("(?<=\\S)[ \\t]*\\n(?![ \\t]*\\n)(?![ \\t]*(?:[-•]|\\d+[.)])\\s)[ \\t]*");

    private ExamText() {}

    /** {@code text} with its wrapped lines joined; null stays null. */
    public static String reflow(String text) {
        if (text == null) {
            return null;
        }
        return WRAP.matcher(text.strip()).replaceAll(" ");
    }
}
