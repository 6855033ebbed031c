package org.chart2claim.authoring;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions of a scenario file, line by line: the lines removed from the older text and
 * the lines added in the newer one, each with its line number, in file order (a longest-common-subsequence diff
 * after the common start and end are set aside, so a small edit of a long file costs little). Plain Java.
 */
public final class LineDiff {

    /** Texts whose differing middle parts exceed this many lines each are not compared line by line. */
    static final int MAX_LINES = 4000;

    private LineDiff() {}

    /** A removed line (its number in the old text) or an added one (its number in the new text). */
    public record Change(boolean added, int line, String text) {
        @Override
        public String toString() {
            return (added ? "+ " : "- ") + line + ": " + text;
        }
    }

    /** The changes from {@code older} to {@code newer}; empty when they are the same. */
    public static List<Change> between(String older, String newer) {
        String[] a = older.split("\n", -1);
        String[] b = newer.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        int n = endA - start;
        int m = endB - start;
        List<Change> changes = new ArrayList<>();
        if (n > MAX_LINES || m > MAX_LINES) {
            for (int i = start; i < endA; i++) {
                changes.add(new Change(false, i + 1, a[i]));
            }
            for (int j = start; j < endB; j++) {
                changes.add(new Change(true, j + 1, b[j]));
            }
            return changes;
        }
        // lcs[i][j]: longest common subsequence of a[start+i..endA) and b[start+j..endB)
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[start + i].equals(b[start + j])
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[start + i].equals(b[start + j])) {
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                changes.add(new Change(false, start + i + 1, a[start + i])); // a removal before its replacement
                i++;
            } else {
                changes.add(new Change(true, start + j + 1, b[start + j]));
                j++;
            }
        }
        return changes;
    }
}
