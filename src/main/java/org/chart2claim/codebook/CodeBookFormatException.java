package org.chart2claim.codebook;

/** A code-book file breaks the format; the message names the file and line ("ch04.tsv:12: ..."). */
public class CodeBookFormatException extends RuntimeException {

    private final String file;
    private final int line;

    public CodeBookFormatException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** File name as given to the loader. */
    public String file() {
        return file;
    }

    /** 1-based line number, 0 when the problem concerns the file as a whole. */
    public int line() {
        return line;
    }
}
