package org.chart2claim.claim.x12;

import java.util.List;

/**
 * One X12 segment as read: tag, elements (each a list of components; a simple element has one) and the
 * segment's 1-based position in the interchange for error messages.
 */
public record Segment(String tag, List<List<String>> elements, int position) {

    /** Element {@code n} (1-based), first component; "" when absent. */
    public String element(int n) {
        return component(n, 1);
    }

    /** Component {@code c} of element {@code n} (both 1-based); "" when absent. */
    public String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> comps = elements.get(n - 1);
        if (comps == null || c < 1 || c > comps.size()) {
            return "";
        }
        String v = comps.get(c - 1);
        return v == null ? "" : v;
    }

    /** All components of element {@code n}; empty when absent. */
    public List<String> components(int n) {
        if (n < 1 || n > elements.size() || elements.get(n - 1) == null) {
            return List.of();
        }
        return elements.get(n - 1);
    }

    public boolean is(String t, String firstElement) {
        return tag.equals(t) && element(1).equals(firstElement);
    }
}
