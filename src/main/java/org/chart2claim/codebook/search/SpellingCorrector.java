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
    private final Map<Character, List<String>> byFirstLetter = new HashMap<>();

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
                    continue;
                }
                documentFrequency.merge(word, it.docFreq(), Integer::sum);
            }
        }
        for (String word : documentFrequency.keySet()) {
            byFirstLetter.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
        }
    }

    /** True when the word occurs in the index (words under 4 letters and non-words count as known). */
    boolean knows(String word) {
        return word.length() < 4 || !word.chars().allMatch(Character::isLetter) || documentFrequency.containsKey(word);
    }

    /** The word itself when indexed (or too short / not a word), else the closest indexed word, if any. */
    String correct(String word) {
        if (word.length() < 4 || documentFrequency.containsKey(word) || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int maxDistance = word.length() >= 7 ? 2 : 1;
        String best = word;
        int bestDistance = maxDistance + 1;
        int bestFrequency = -1;
        for (String candidate : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
            if (Math.abs(candidate.length() - word.length()) > maxDistance) {
                continue;
            }
            int d = distance(word, candidate, maxDistance);
            int frequency = documentFrequency.get(candidate);
            if (d < bestDistance || (d == bestDistance && frequency > bestFrequency)) {
                best = candidate;
                bestDistance = d;
                bestFrequency = frequency;
            }
        }
        return bestDistance <= maxDistance ? best : word;
    }

    /** Optimal-string-alignment distance (adjacent transpositions count 1), cut off above {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
