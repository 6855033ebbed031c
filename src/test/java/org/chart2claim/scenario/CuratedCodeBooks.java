package org.chart2claim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.codebook.CodeBookLoader;
import org.chart2claim.codebook.CodeEntry;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.LoadedCodeBooks;

/**
 * The shipped curated code books ({@code codebooks/} at the repository root, in the order codebooks.txt lists)
 * as a {@link CodeLookup} for tests, read with the codebook feature's own plain-Java loader.
 */
final class CuratedCodeBooks implements CodeLookup {

    private final Map<String, CodeInfo> codes = new HashMap<>();

    private CuratedCodeBooks() {}

    static CuratedCodeBooks load() {
        Path root = Path.of("codebooks");
        try {
            List<CodeBookLoader.Source> sources = new ArrayList<>();
            for (String line : Files.readAllLines(root.resolve("codebooks.txt"))) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                sources.add(new CodeBookLoader.Source(name, Files.readString(root.resolve(name))));
            }
            LoadedCodeBooks books = CodeBookLoader.load(sources);
            CuratedCodeBooks lookup = new CuratedCodeBooks();
            for (CodeSet set : books.sets()) {
                for (CodeEntry entry : set.entries()) {
                    lookup.codes.put(key(set.system(), entry.code()), set.info(entry));
                }
            }
            return lookup;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<CodeInfo> find(CodeSystem system, String code) {
        return Optional.ofNullable(codes.get(key(system, code)));
    }

    @Override
    public List<String> excludes1Conflicts(String icdCode, Collection<String> others) {
        return List.of(); // not needed for key validation
    }

    private static String key(CodeSystem system, String code) {
        return system + ":" + code.replace(".", "").toUpperCase(Locale.ROOT);
    }
}
