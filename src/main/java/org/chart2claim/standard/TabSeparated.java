package org.chart2claim.standard;

import java.util.ArrayList;
import java.util.List;

/**
 * The TSV dialect of our data files: UTF-8, one record per line, TAB-separated, {@code #} lines are
 * comments, the first non-comment line is the header. Cells are trimmed.
 */
public final class TabSeparated {
    private TabSeparated() {}

    /**
     * The data rows of {@code text}, each with at least {@code columns} cells.
     *
     * @throws IllegalArgumentException naming {@code fileName} and the line when a row is short
     */
    public static List<String[]> rows(String text, String fileName, int columns) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < columns) {
                throw new IllegalArgumentException(fileName + " line " + lineNo + ": expected " + columns
                        + " tab-separated columns, found " + cells.length);
            }
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            rows.add(cells);
        }
        return rows;
    }
}
