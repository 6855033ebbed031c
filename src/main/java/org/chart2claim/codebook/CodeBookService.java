package org.chart2claim.codebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chart2claim.config.ContentLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The code books of the running application: loads the curated books at start-up and serves them as the
 * {@link CodeLookup} every feature injects. An importer can {@link #install install} another set (for
 * example a complete official FY) which then becomes the active set of its system.
 */
@Service
public class CodeBookService implements CodeLookup {

    private static final Logger log = LoggerFactory.getLogger(CodeBookService.class);

    private volatile CodeBooks books;
    private final ApplicationEventPublisher events;
    /** Hash of the curated files, and the fingerprint of each system's installed set (absent: curated). */
    private final String curatedHash;

    private final Map<CodeSystem, CodeSet> curatedSets = new EnumMap<>(CodeSystem.class);
    private final Map<CodeSystem, String> installedFingerprints = new EnumMap<>(CodeSystem.class);

    public CodeBookService(ContentLocations locations, ApplicationEventPublisher events) {
        this.events = events;
        long start = System.nanoTime();
        this.books = CodeBooks.of(CodeBookFiles.load(locations.codebooksDir()));
        this.curatedHash = books.contentHash();
        books.sets().forEach(set -> curatedSets.putIfAbsent(set.system(), set));
        log.info(
                "Code books loaded in {} ms: {}",
                (System.nanoTime() - start) / 1_000_000,
                books.sets().stream()
                        .map(s -> s.system() + " " + s.version() + " ("
                                + s.entries().size() + ")")
                        .toList());
    }

    /** The current books (an immutable snapshot). */
    public CodeBooks books() {
        return books;
    }

    public Optional<CodeBook> book(CodeSystem system) {
        return books.book(system);
    }

    /**
     * Makes {@code set} the active set of its system (replacing the previous one) and tells the listeners
     * (a {@link CodeBooksChangedEvent}: the search index rebuilds). Synonyms stay.
     */
    public void install(CodeSet set) {
        install(List.of(set));
    }

    /**
     * Makes each set the active set of its system, as one change: the event is published once, so an
     * import of ICD-10-CM and HCPCS together rebuilds the search index once. The books' hash depends only
     * on which sets are active, not on the order they came in, so a restart finds the index it built.
     */
    public synchronized void install(Collection<CodeSet> newSets) {
        if (newSets.isEmpty()) {
            return;
        }
        Map<CodeSystem, CodeSet> bySystem = new EnumMap<>(CodeSystem.class);
        newSets.forEach(set -> bySystem.put(set.system(), set));
        List<CodeSet> sets = new ArrayList<>(bySystem.values());
        books.sets().stream().filter(s -> !bySystem.containsKey(s.system())).forEach(sets::add);
        bySystem.forEach((system, set) -> {
            if (set == curatedSets.get(system)) {
                installedFingerprints.remove(system);
            } else {
                installedFingerprints.put(system, fingerprint(set));
            }
        });
        String hash = installedFingerprints.isEmpty() ? curatedHash : sha256(curatedHash + "|" + installedFingerprints);
        this.books = new CodeBooks(sets, books.synonyms(), hash);
        events.publishEvent(new CodeBooksChangedEvent(this.books));
    }

    private static String fingerprint(CodeSet set) {
        MessageDigest digest = digest();
        digest.update((set.system() + "|" + set.version()).getBytes(StandardCharsets.UTF_8));
        for (CodeEntry e : set.entries()) {
            digest.update((e.code() + "\t" + e.billable() + "\t" + e.title() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update(("index:" + set.indexTerms().size()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<CodeInfo> find(CodeSystem system, String code) {
        return books.find(system, code);
    }

    @Override
    public List<String> excludes1Conflicts(String icdCode, Collection<String> others) {
        return books.excludes1Conflicts(icdCode, others);
    }
}
