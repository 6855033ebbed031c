package org.chart2claim.codebook.search;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.config.BackgroundStart;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.ForegroundWork;
import org.chart2claim.config.OnDemand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The code search of the running application. The Lucene index lives on disk (by default
 * {@code <data dir>/index}, setting {@code chart2claim.index-dir}) in a folder named after the content
 * hash of the code books: a start with unchanged books opens the existing index in milliseconds; changed
 * books (or an installed import) build a new one and delete the old.
 *
 * <p>The index opens after the server answers ({@link BackgroundStart}, right after the code books): a search
 * that comes earlier waits for it; the search panel says that search is getting ready instead.
 */
@Service
@Order(CodeBookService.START_ORDER + 10)
public class CodeSearchService implements BackgroundStart {

    private static final Logger log = LoggerFactory.getLogger(CodeSearchService.class);

    /** Bump when fields or analysis change, so old indexes on disk are rebuilt. */
    static final String SCHEMA_VERSION = "11";

    private static final String COMPLETE_MARKER = "complete";

    private final Path indexRoot;
    private volatile CodeSearchIndex index;
    private Directory directory;
    private volatile boolean lastOpenBuilt;
    private final CodeBookService codeBooks;
    private final OnDemand opening = new OnDemand(this, "search index", this::openCurrentBooks);

    public CodeSearchService(
            CodeBookService codeBooks,
            ContentLocations locations,
            @Value("${chart2claim.index-dir:}") String indexDir) {
        this.codeBooks = codeBooks;
        this.indexRoot = indexDir == null || indexDir.isBlank()
                ? locations.dataDir().resolve("index")
                : Path.of(indexDir).toAbsolutePath().normalize();
    }

    @Override
    public OnDemand startWork() {
        return opening;
    }

    /** Opens (or builds) the index for the current books unless it is open. */
    @Override
    public void ensureStarted() {
        if (opening.done()) {
            return;
        }
        // the books outside our lock: an install holds the books' lock while it tells us to reopen
        CodeBooks books = codeBooks.books();
        // every 500 entries of a build: the background start pauses there while a request does long work
        opening.ensure(() -> open(books, (done, total) -> ForegroundWork.pauseIfBusy()));
    }

    private void openCurrentBooks() {
        open(codeBooks.books(), IndexProgressListener.NONE);
    }

    /**
     * Waits up to {@code timeout} for the index to open after a start, without opening it in this thread.
     *
     * @return false when it is still getting ready (a view then says so instead of blocking)
     */
    public boolean awaitReady(Duration timeout) {
        return opening.await(timeout);
    }

    /** Another code set became active: rebuild (or reopen) the index for the new books. */
    @EventListener
    void onCodeBooksChanged(CodeBooksChangedEvent event) {
        open(event.books(), (done, total) -> {
            if (done == total || done % 10_000 == 0) {
                log.info("Indexing codes: {} of {}", done, total);
            }
        });
    }

    /**
     * Opens the index for these books, building it first when the books changed.
     *
     * @param progress told about a (re)build's progress
     */
    public synchronized void open(CodeBooks books, IndexProgressListener progress) {
        long start = System.nanoTime();
        String folderName = "codes-" + folderHash(books);
        Path folder = indexRoot.resolve(folderName);
        try {
            Files.createDirectories(indexRoot);
            boolean built = false;
            if (!Files.exists(folder.resolve(COMPLETE_MARKER))) {
                build(folder, books, progress);
                built = true;
            }
            Directory newDirectory;
            CodeSearchIndex newIndex;
            long checksumNanos = 0;
            try {
                newDirectory = FSDirectory.open(folder);
                if (!built) {
                    long check = System.nanoTime();
                    verifyChecksums(newDirectory);
                    checksumNanos = System.nanoTime() - check;
                }
                newIndex = new CodeSearchIndex(newDirectory, books.synonyms());
            } catch (IOException | RuntimeException damaged) {
                if (built) {
                    throw damaged;
                }
                // a damaged index on disk (disk full, killed mid-write, edited by hand): build it again
                log.warn("Code search index in {} is unreadable ({}); rebuilding it", folder, damaged.toString());
                build(folder, books, progress);
                built = true;
                newDirectory = FSDirectory.open(folder);
                newIndex = new CodeSearchIndex(newDirectory, books.synonyms());
            }
            CodeSearchIndex old = index;
            Directory oldDirectory = directory;
            index = newIndex;
            directory = newDirectory;
            if (old != null) {
                old.close();
                oldDirectory.close();
            }
            lastOpenBuilt = built;
            opening.markDone();
            removeOtherIndexes(folderName);
            log.info(
                    "Code search index {} {} entries in {} ms{} ({})",
                    built ? "built with" : "opened with",
                    newIndex.size(),
                    (System.nanoTime() - start) / 1_000_000,
                    built ? "" : ", checksums of every file verified in " + checksumNanos / 1_000_000 + " ms",
                    folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open or build the code search index in " + folder, e);
        }
    }

    /**
     * Reads every file of the index once against its checksum (Lucene's open checks only the small files):
     * a flipped bit or a truncated file from a crash or a bad disk is found here and the index rebuilt,
     * instead of wrong search results or an error in the middle of a search later.
     */
    private static void verifyChecksums(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    private static void build(Path folder, CodeBooks books, IndexProgressListener progress) throws IOException {
        deleteTree(folder);
        try (Directory fresh = FSDirectory.open(folder)) {
            CodeIndexWriter.write(fresh, books.sets(), books.synonyms(), progress);
        }
        // written last: a folder without the marker is an interrupted build and is redone
        Files.writeString(folder.resolve(COMPLETE_MARKER), books.contentHash(), StandardCharsets.UTF_8);
    }

    private static String folderHash(CodeBooks books) {
        return (books.contentHash() + "0000000000000000").substring(0, 16) + "-s" + SCHEMA_VERSION;
    }

    private void removeOtherIndexes(String keep) {
        try (Stream<Path> folders = Files.list(indexRoot)) {
            folders.filter(p -> p.getFileName().toString().startsWith("codes-"))
                    .filter(p -> !p.getFileName().toString().equals(keep))
                    .forEach(CodeSearchService::deleteTreeQuietly);
        } catch (IOException e) {
            log.warn("Could not clean old code indexes in {}: {}", indexRoot, e.toString());
        }
    }

    private static void deleteTreeQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            log.warn("Could not delete old index {}: {}", folder, e.toString());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Searches the active code sets; any input is safe (blank or unsearchable text gives no results).
     *
     * @param system null for every system
     * @param limit  clamped to 1..{@link CodeSearchIndex#MAX_LIMIT}
     */
    public List<CodeHit> search(String text, CodeSystem system, boolean billableOnly, int limit) {
        ensureStarted();
        try {
            return index.search(text, system, billableOnly, limit);
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            // the index was swapped for a rebuilt one during this search: ask the new one
            return index.search(text, system, billableOnly, limit);
        }
    }

    /** True when the last {@link #open} had to build the index (false: reused the one on disk). */
    public boolean lastOpenBuilt() {
        ensureStarted();
        return lastOpenBuilt;
    }

    /** Folder holding the index folders. */
    public Path indexRoot() {
        return indexRoot;
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (index != null) {
            index.close();
            directory.close();
        }
    }
}
