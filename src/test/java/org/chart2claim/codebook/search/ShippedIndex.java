package org.chart2claim.codebook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.chart2claim.codebook.LoadedCodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;

/** An in-memory index of the shipped code books, built once per test JVM. */
final class ShippedIndex {

    private static Directory directory;
    private static CodeSearchIndex index;

    private ShippedIndex() {}

    static synchronized CodeSearchIndex get() {
        if (index == null) {
            try {
                index = new CodeSearchIndex(directory(), ShippedCodeBooks.get().synonyms());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }

    /** The index files, for tests that open their own reader over them. */
    static synchronized Directory directory() {
        if (directory == null) {
            try {
                LoadedCodeBooks books = ShippedCodeBooks.get();
                ByteBuffersDirectory written = new ByteBuffersDirectory();
                CodeIndexWriter.write(written, books.sets(), books.synonyms(), IndexProgressListener.NONE);
                directory = written;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
