package org.chart2claim.codebook;

import java.nio.file.Path;

/** The code books in the repository's {@code codebooks/} folder, loaded once per test JVM. */
public final class ShippedCodeBooks {

    private static LoadedCodeBooks loaded;

    private ShippedCodeBooks() {}

    public static synchronized LoadedCodeBooks get() {
        if (loaded == null) {
            loaded = CodeBookFiles.load(Path.of("codebooks"));
        }
        return loaded;
    }

    public static CodeBooks books() {
        return CodeBooks.of(get());
    }
}
