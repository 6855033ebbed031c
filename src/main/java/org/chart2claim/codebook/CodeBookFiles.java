package org.chart2claim.codebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a code-book folder: the manifest {@code codebooks.txt} names the files in load order (one
 * relative path per line, {@code #} comments). Plain Java so tests can load the shipped books directly.
 */
public final class CodeBookFiles {

    /** Name of the manifest inside the folder. */
    public static final String MANIFEST = "codebooks.txt";

    private CodeBookFiles() {}

    /** Loads every file the manifest lists; format errors name the file and line. */
    public static LoadedCodeBooks load(Path folder) {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new CodeBookFormatException(
                    manifest.toString(), 0, "missing: the code-book folder needs a " + MANIFEST + " listing its files");
        }
        List<CodeBookLoader.Source> sources = new ArrayList<>();
        List<String> lines = readLines(manifest);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Path file = folder.resolve(line).normalize();
            if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
                throw new CodeBookFormatException(MANIFEST, i + 1, "no such code-book file: " + line);
            }
            sources.add(new CodeBookLoader.Source(line, read(file, line)));
        }
        return CodeBookLoader.load(sources);
    }

    private static List<String> readLines(Path file) {
        return List.of(read(file, file.getFileName().toString()).split("\r?\n"));
    }

    private static String read(Path file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CodeBookFormatException(name, 0, "is not valid UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
