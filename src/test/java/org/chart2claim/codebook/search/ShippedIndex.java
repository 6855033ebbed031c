package org.chart2claim.codebook.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.chart2claim.codebook.LoadedCodeBooks;
import org.chart2claim.codebook.ShippedCodeBooks;

/** An in-memory index of the shipped code books, built once per test JVM. */
final class ShippedIndex {

    private static CodeSearchIndex index;

    private ShippedIndex() {}

    static synchronized CodeSearchIndex get() {
        if (index == null) {
            try {
                LoadedCodeBooks books = ShippedCodeBooks.get();
                ByteBuffersDirectory directory = new ByteBuffersDirectory();
                CodeIndexWriter.write(directory, books.sets(), books.synonyms(), IndexProgressListener.NONE);
                index = new CodeSearchIndex(directory, books.synonyms());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }
}
