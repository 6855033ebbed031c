package org.chart2claim.codebook.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * "Did you mean": replaces a query word that occurs nowhere in the index by the closest indexed word
 * (Damerau-Levenshtein distance 1, or 2 for words of 7+ letters; same first letter; ties go to the word
 * found in more codes). The corrected word then gets every ranking boost an exact word gets, which plain
 * fuzzy matching does not give ("hypertention" → "hypertension" → I10 via the Alphabetic Index).
 */
final class SpellingCorrector {

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    /**
     * The other indexed words (under 4 letters, or not all letters: "hip", "b12"): never corrected, but a word
     * the index does not hold at all ("yo", "x3", "q6h") only ranks, whatever its length.
     */
    private final java.util.Set<String> otherWords = new java.util.HashSet<>();
    /** Indexed words by first letter and length: a word is only compared with words that could be close. */
    private final Map<String, List<Word>> byFirstLetterAndLength = new HashMap<>();

    /** An indexed word and the set of its letters as bits, to skip most words without computing a distance. */
    private record Word(String text, long letters) {}

    SpellingCorrector(IndexReader reader, String... fields) throws IOException {
        for (String field : fields) {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null) {
                continue;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                String word = term.utf8ToString();
                if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
                    otherWords.add(word);
                    continue;
                }
                documentFrequency.merge(word, it.docFreq(), Integer::sum);
            }
        }
        for (String word : documentFrequency.keySet()) {
            byFirstLetterAndLength
                    .computeIfAbsent(bucket(word.charAt(0), word.length()), b -> new ArrayList<>())
                    .add(new Word(word, letters(word)));
        }
    }

    /** True when the word occurs in the index, whatever its length. */
    boolean knows(String word) {
        return documentFrequency.containsKey(word) || otherWords.contains(word);
    }

    /** The word itself when indexed (or too short / not a word), else the closest indexed word, if any. */
    String correct(String word) {
        if (word.length() < 4
                || documentFrequency.containsKey(word)
                || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int maxDistance = word.length() >= 7 ? 2 : 1;
        String best = word;
        int bestDistance = maxDistance + 1;
        int bestFrequency = -1;
        long letters = letters(word);
        for (int length = word.length() - maxDistance; length <= word.length() + maxDistance; length++) {
            for (Word candidate : byFirstLetterAndLength.getOrDefault(bucket(word.charAt(0), length), List.of())) {
                // each edit adds at most one letter the other word lacks and drops at most one
                if (Long.bitCount(candidate.letters() & ~letters) > maxDistance
                        || Long.bitCount(letters & ~candidate.letters()) > maxDistance) {
                    continue;
                }
                int d = distance(word, candidate.text(), maxDistance);
                int frequency = documentFrequency.get(candidate.text());
                if (d < bestDistance
                        || (d == bestDistance && frequency > bestFrequency)
                        || (d == bestDistance
                                && frequency == bestFrequency
                                && candidate.text().compareTo(best) < 0)) {
                    best = candidate.text();
                    bestDistance = d;
                    bestFrequency = frequency;
                }
            }
        }
        return bestDistance <= maxDistance ? best : word;
    }

    private static String bucket(char first, int length) {
        return first + ":" + length;
    }

    /** The letters of a word as bits (a–z one bit each; any other letter shares the last bit). */
    private static long letters(String word) {
        long bits = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            bits |= 1L << (c >= 'a' && c <= 'z' ? c - 'a' : 63);
        }
        return bits;
    }

    /** Optimal-string-alignment distance (adjacent transpositions count 1), cut off above {@code max}. */
    static int distance(String a, String b, int max) {
        int[] beforePrevious = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                char bj = b.charAt(j - 1);
                int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ai == bj ? 0 : 1));
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
                    v = Math.min(v, beforePrevious[j - 2] + 1);
                }
                current[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
