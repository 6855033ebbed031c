package org.chart2claim.codebook.importer;

import java.nio.file.Path;

/**
 * An import input is unusable. The message always names the file and, where it applies, the line,
 * so an administrator can find the problem without reading a stack trace.
 */
public class CodeSetImportException extends RuntimeException {

    private final String fileName;
    private final int line;

    public CodeSetImportException(String fileName, int line, String problem) {
        this(fileName, line, problem, null);
    }

    public CodeSetImportException(String fileName, int line, String problem, Throwable cause) {
        super(describe(fileName, line, problem), cause);
        this.fileName = fileName;
        this.line = line;
    }

    public static CodeSetImportException of(Path file, int line, String problem) {
        return new CodeSetImportException(nameOf(file), line, problem);
    }

    static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String describe(String fileName, int line, String problem) {
        return line > 0 ? fileName + ", line " + line + ": " + problem : fileName + ": " + problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line number, or 0 when the problem concerns the file as a whole. */
    public int line() {
        return line;
    }
}
