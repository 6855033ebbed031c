package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SpellingCorrectorTest {

    @Test
    void distanceCountsTranspositionsAsOneEdit() {
        assertThat(SpellingCorrector.distance("pnuemonia", "pneumonia", 2)).isEqualTo(1);
        assertThat(SpellingCorrector.distance("pnemonia", "pneumonia", 2)).isEqualTo(1);
        assertThat(SpellingCorrector.distance("asthma", "asthma", 2)).isZero();
        assertThat(SpellingCorrector.distance("kidney", "hernia", 2)).isEqualTo(3); // cut off above the maximum
    }

    @Test
    void correctsUnknownWordsToTheMostCommonCloseIndexedWord() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new CodeTextAnalyzer()))) {
            for (String title : new String[] {
                "Pneumonia, unspecified organism", "Lobar pneumonia", "Pneumonitis", "Essential (primary) hypertension"
            }) {
                Document doc = new Document();
                doc.add(new TextField(CodeIndexFields.TITLE, title, Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            SpellingCorrector speller = new SpellingCorrector(reader, CodeIndexFields.TITLE);
            assertThat(speller.correct("pnuemonia")).isEqualTo("pneumonia");
            assertThat(speller.correct("hypertent")).isEqualTo("hypertens"); // stemmed forms
            assertThat(speller.correct("pneumonia")).isEqualTo("pneumonia");
            assertThat(speller.correct("zebra")).isEqualTo("zebra"); // nothing close: unchanged
            assertThat(speller.correct("e11")).isEqualTo("e11"); // not a word
            assertThat(speller.correct("pnuemonai")).isEqualTo("pneumonia"); // two transpositions
            assertThat(speller.correct("pneumonie")).isEqualTo("pneumonia"); // a letter the word lacks
            assertThat(speller.correct("lobr")).isEqualTo("lobar"); // shorter than the indexed word
            assertThat(speller.knows("lobar")).isTrue();
            assertThat(speller.knows("lobor")).isFalse();
            // short words and numbers are never corrected, but only the indexed ones are known ("yo" only ranks)
            assertThat(speller.knows("yo")).isFalse();
            assertThat(speller.correct("yo")).isEqualTo("yo");
        }
    }
}
