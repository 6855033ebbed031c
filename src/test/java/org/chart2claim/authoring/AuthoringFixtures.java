package org.chart2claim.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Scenario texts for authoring tests: the shipped strep scenario under a fresh id, with its key as given. */
public final class AuthoringFixtures {

    public static final String BASE = "pc-004-strep-pharyngitis";

    private AuthoringFixtures() {}

    /** A zip with these entries as given (names are not checked: tests build hostile zips with it). */
    public static byte[] zip(java.util.Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (java.util.Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A new unique id (the test context's database is shared by all test classes). */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The shipped strep scenario's text under {@code id}. */
    public static String strep(String id) {
        try {
            String text = Files.readString(Path.of("scenarios", BASE + ".md"));
            return text.replace("id: " + BASE, "id: " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same with a wrong key: the visit is keyed 99214 instead of 99213 (a student will dispute it). */
    public static String strepWithWrongLevel(String id) {
        return strep(id).replace("- {code: \"99213\", modifiers: []", "- {code: \"99214\", modifiers: []");
    }
}
