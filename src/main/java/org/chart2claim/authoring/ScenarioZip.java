package org.chart2claim.authoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.chart2claim.scenario.ScenarioParser;

/**
 * Reads and writes zips of scenario files. Reading is defensive: a path that climbs out ({@code ../}), an
 * absolute path, too many entries, an entry that inflates past the largest scenario file or a total past
 * {@link #MAX_TOTAL_BYTES} (a zip bomb) refuses the whole zip before anything is imported. Inflated bytes are
 * counted as they are read, so a lying header does not help. Plain Java.
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

    /**
     * The {@code .md} files of a zip by file name (folders inside the zip are allowed; README.md and REVIEW.md
     * are skipped as in the scenario folder). A file that is not UTF-8 maps to null (reported per file).
     */
    public static Map<String, String> read(byte[] zip) throws RefusedException {
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entries > MAX_ENTRIES) {
                    throw new RefusedException("the zip has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                if (unsafe(name)) {
                    throw new RefusedException("the zip entry '" + printable(name)
                            + "' has an unsafe path (absolute, '..' or a backslash): nothing was imported");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                byte[] bytes = readBounded(in, name);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new RefusedException("the zip inflates to more than " + MAX_TOTAL_BYTES / (1024 * 1024)
                            + " MB: nothing was imported");
                }
                boolean document = fileName.toUpperCase(Locale.ROOT).equals("README.MD")
                        || fileName.toUpperCase(Locale.ROOT).equals("REVIEW.MD");
                if (!fileName.endsWith(".md") || document) {
                    continue;
                }
                if (files.containsKey(fileName)) {
                    throw new RefusedException("the zip holds two files named " + fileName + ": nothing was imported");
                }
                files.put(fileName, utf8(bytes));
            }
        } catch (ZipException e) {
            throw new RefusedException("the upload is not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new RefusedException("the zip could not be read: " + e.getMessage());
        }
        if (entries == 0) {
            throw new RefusedException("the upload is not a zip file, or the zip is empty");
        }
        return files;
    }

    private static boolean unsafe(String name) {
        return name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")
                || java.util.Arrays.asList(name.split("/")).contains("..");
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException, RefusedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new RefusedException(
                        "the zip entry '" + printable(name) + "' inflates to more than " + MAX_ENTRY_BYTES / 1024
                                + " KB, larger than any scenario file (a zip bomb?): nothing was imported");
            }
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String name) {
        String shown = name.replaceAll("[^\\x20-\\x7E]", "?");
        return shown.length() > 120 ? shown.substring(0, 120) + "…" : shown;
    }

    /** A zip of scenario files, {@code <id>.md} each, in the order given. */
    public static byte[] write(Map<String, String> textById) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : textById.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".md"));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory failed", e);
        }
        return bytes.toByteArray();
    }
}
