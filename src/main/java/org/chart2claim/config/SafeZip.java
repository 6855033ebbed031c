package org.chart2claim.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zips of text files in and out (scenario files, question-bank files). Reading is defensive: a path that climbs out
 * ({@code ../}), an absolute path, too many entries, an entry that inflates past the largest file of its kind or a
 * total past a limit (a zip bomb) refuses the whole zip before anything is imported. Inflated bytes are counted as
 * they are read, so a lying header does not help. Plain Java.
 *
 * @see Limits
 */
public final class SafeZip {

    private SafeZip() {}

    /**
     * What a zip may hold.
     *
     * @param extension      the files read (e.g. {@code .md}); other files are skipped
     * @param skipped        file names (upper case) skipped although they have the extension (README.MD)
     * @param maxEntries     entries, folders and skipped files included
     * @param maxEntryBytes  one entry, inflated
     * @param maxTotalBytes  all entries together, inflated
     * @param kind           what one file is, for messages ("scenario file")
     */
    public record Limits(
            String extension,
            Set<String> skipped,
            int maxEntries,
            long maxEntryBytes,
            long maxTotalBytes,
            String kind) {}

    /** The zip cannot be imported at all; nothing was changed. */
    public static class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * The files of a zip with the limits' extension, by file name (folders inside the zip are allowed, a file name
     * may occur once). A file that is not UTF-8 maps to null (for a per-file message).
     */
    public static Map<String, String> read(byte[] zip, Limits limits) throws RefusedException {
        Map<String, String> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entries > limits.maxEntries()) {
                    throw new RefusedException("the zip has more than " + limits.maxEntries() + " entries");
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
                byte[] bytes = readBounded(in, name, limits);
                total += bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw new RefusedException("the zip inflates to more than " + describe(limits.maxTotalBytes())
                            + ": nothing was imported");
                }
                if (!fileName.endsWith(limits.extension())
                        || limits.skipped().contains(fileName.toUpperCase(Locale.ROOT))) {
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

    /** A zip of text files (UTF-8), file name → text, in the order given. */
    public static byte[] write(Map<String, String> textByFileName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : textByFileName.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Whether {@code bytes} start like a zip file (the local file header "PK\3\4", or an empty zip's "PK\5\6"). */
    public static boolean looksLikeZip(byte[] bytes) {
        return bytes != null
                && bytes.length >= 4
                && bytes[0] == 'P'
                && bytes[1] == 'K'
                && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }

    private static boolean unsafe(String name) {
        return name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")
                || Arrays.asList(name.split("/")).contains("..");
    }

    private static byte[] readBounded(InputStream in, String name, Limits limits) throws IOException, RefusedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > limits.maxEntryBytes()) {
                throw new RefusedException("the zip entry '" + printable(name) + "' inflates to more than "
                        + limits.maxEntryBytes() / 1024 + " KB, larger than any " + limits.kind()
                        + " (a zip bomb?): nothing was imported");
            }
        }
        return out.toByteArray();
    }

    /** The text of UTF-8 {@code bytes}, or null when they are not UTF-8. */
    public static String utf8(byte[] bytes) {
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

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
