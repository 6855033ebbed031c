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
import java.util.function.Supplier;
import org.chart2claim.config.BackgroundStart;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.OnDemand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The code books of the running application: loads the curated books at start-up and serves them as the
 * {@link CodeLookup} every feature injects. An importer can {@link #install install} another set (for
 * example a complete official FY) which then becomes the active set of its system.
 *
 * <p>The books load after the server answers ({@link BackgroundStart}, first step), together with the sets the
 * {@link StartupCodeSets} providers (the importer) want active: every reader waits for both, so nobody ever sees the
 * curated books while an imported set is meant to be active.
 */
@Service
@Order(CodeBookService.START_ORDER)
public class CodeBookService implements CodeLookup, BackgroundStart {

    /** The first background start step: everything else reads the books. */
    public static final int START_ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(CodeBookService.class);

    /** Null until loaded. */
    private volatile CodeBooks books;

    private final ContentLocations locations;
    private final ApplicationEventPublisher events;
    private final Supplier<List<StartupCodeSets>> startupSets;
    private final OnDemand loading = new OnDemand(this, "code books", this::load);
    /** Hash of the curated files, and the fingerprint of each system's installed set (absent: curated). */
    private String curatedHash;

    private final Map<CodeSystem, CodeSet> curatedSets = new EnumMap<>(CodeSystem.class);
    private final Map<CodeSystem, String> installedFingerprints = new EnumMap<>(CodeSystem.class);

    @Autowired
    public CodeBookService(
            ContentLocations locations, ApplicationEventPublisher events, ObjectProvider<StartupCodeSets> startupSets) {
        this.locations = locations;
        this.events = events;
        this.startupSets = () -> startupSets.orderedStream().toList();
    }

    /** The curated books only (tests, tools). */
    public CodeBookService(ContentLocations locations, ApplicationEventPublisher events) {
        this(locations, events, List::of);
    }

    CodeBookService(
            ContentLocations locations, ApplicationEventPublisher events, Supplier<List<StartupCodeSets>> startupSets) {
        this.locations = locations;
        this.events = events;
        this.startupSets = startupSets;
    }

    @Override
    public OnDemand startWork() {
        return loading;
    }

    /** Loads the curated books, then installs the sets the providers want active (no event: nobody read yet). */
    private void load() {
        long start = System.nanoTime();
        CodeBooks curated = CodeBooks.of(CodeBookFiles.load(locations.codebooksDir()));
        curatedHash = curated.contentHash();
        curated.sets().forEach(set -> curatedSets.putIfAbsent(set.system(), set));
        log.info(
                "Code books loaded in {} ms: {}",
                (System.nanoTime() - start) / 1_000_000,
                curated.sets().stream()
                        .map(s -> s.system() + " " + s.version() + " ("
                                + s.entries().size() + ")")
                        .toList());
        books = curated;
        for (StartupCodeSets provider : startupSets.get()) {
            books = withSets(provider.setsToInstall(curated));
        }
    }

    /** The current books (an immutable snapshot); waits while they load after a start. */
    public CodeBooks books() {
        ensureStarted();
        return books;
    }

    /** The curated (shipped) set of a system. */
    public Optional<CodeSet> curatedSet(CodeSystem system) {
        ensureStarted();
        return Optional.ofNullable(curatedSets.get(system));
    }

    public Optional<CodeBook> book(CodeSystem system) {
        return books().book(system);
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
    public void install(Collection<CodeSet> newSets) {
        ensureStarted(); // before taking the lock: readers of the books never wait on an install's listeners
        synchronized (this) {
            if (newSets.isEmpty()) {
                return;
            }
            this.books = withSets(newSets);
            events.publishEvent(new CodeBooksChangedEvent(this.books));
        }
    }

    /** The current books with these sets active instead of their systems' current ones. */
    private CodeBooks withSets(Collection<CodeSet> newSets) {
        if (newSets.isEmpty()) {
            return books;
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
        return new CodeBooks(sets, books.synonyms(), hash);
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
        return books().find(system, code);
    }

    @Override
    public List<String> excludes1Conflicts(String icdCode, Collection<String> others) {
        return books().excludes1Conflicts(icdCode, others);
    }
}
