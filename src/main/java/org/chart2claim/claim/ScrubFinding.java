package org.chart2claim.claim;

/**
 * One scrubber message tied to a CMS-1500 box, e.g. {@code ("24E", "line 2 pointer", "Pointer C has no diagnosis")}.
 *
 * @param box   the form box ("1a", "21", "24E", "33a"...)
 * @param field a readable field name, with the line number for box 24
 */
public record ScrubFinding(String box, String field, String message) {
    public String display() {
        return "Box " + box + " (" + field + "): " + message;
    }
}
