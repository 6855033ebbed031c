package org.chart2claim.authoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.chart2claim.config.SafeZip;
import org.chart2claim.scenario.ScenarioParser;

/**
 * Reads and writes zips of scenario files with {@link SafeZip}'s defences: a path that climbs out ({@code ../}), an
 * absolute path, too many entries, an entry that inflates past the largest scenario file or a total past
 * {@link #MAX_TOTAL_BYTES} (a zip bomb) refuses the whole zip before anything is imported. Plain Java.
 */
public final class ScenarioZip {

    /** Entries in one import: far above a course's scenario set. */
    public static final int MAX_ENTRIES = 500;
    /** The largest scenario file, in bytes (UTF-8 of {@link ScenarioParser#MAX_FILE_CHARS} characters, roomy). */
    public static final long MAX_ENTRY_BYTES = ScenarioParser.MAX_FILE_CHARS * 2L;
    /** All entries together, inflated. */
    public static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;

    private ScenarioZip() {}

    /** The zip cannot be imported at all; nothing was changed. */
    public static class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private static final SafeZip.Limits LIMITS = new SafeZip.Limits(
            ".md", Set.of("README.MD", "REVIEW.MD"), MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, "scenario file");

    /**
     * The {@code .md} files of a zip by file name (folders inside the zip are allowed; README.md and REVIEW.md
     * are skipped as in the scenario folder). A file that is not UTF-8 maps to null (reported per file).
     */
    public static Map<String, String> read(byte[] zip) throws RefusedException {
        try {
            return SafeZip.read(zip, LIMITS);
        } catch (SafeZip.RefusedException e) {
            throw new RefusedException(e.getMessage());
        }
    }

    /** A zip of scenario files, {@code <id>.md} each, in the order given. */
    public static byte[] write(Map<String, String> textById) {
        Map<String, String> files = new LinkedHashMap<>();
        textById.forEach((id, text) -> files.put(id + ".md", text));
        return SafeZip.write(files);
    }
}
