package org.chart2claim.codebook.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The acronyms a title can be written as: the initials of every run of {@value #MIN_WORDS}–{@value
 * #MAX_WORDS} consecutive words, with and without the small words ("shortness of breath" → sob, sb;
 * "gastro-esophageal reflux disease" → gerd; "type 2 diabetes mellitus" → t2dm). A note that writes "AOM"
 * or "BPH" finds the codes whose title spells it out, with no abbreviation list.
 */
final class Acronyms {

    static final int MIN_WORDS = 2;
    static final int MAX_WORDS = 5;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** What the query builder treats as an acronym: 2–5 letters or digits typed in capitals, 2+ letters. */
    static final Pattern TYPED =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?=(?:[0-9]*[A-Z]){2})[A-Z0-9]{2,5}(?![\\p{L}\\p{N}])");

    private Acronyms() {}

    /** The acronyms of {@code text}, space separated (each once). */
    static String of(String text) {
        List<String> all = new ArrayList<>();
        List<String> content = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            all.add(word);
            if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
                content.add(word);
            }
        }
        Set<String> acronyms = new LinkedHashSet<>();
        initials(all, acronyms);
        initials(content, acronyms);
        return String.join(" ", acronyms);
    }

    private static void initials(List<String> words, Set<String> out) {
        for (int i = 0; i < words.size(); i++) {
            StringBuilder initials = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + MAX_WORDS); j++) {
                initials.append(words.get(j).charAt(0));
                if (j - i + 1 >= MIN_WORDS) {
                    out.add(initials.toString());
                }
            }
        }
    }

    /** The words of {@code raw} typed as acronyms ("AOM", "T2DM"), as typed. */
    static List<String> typed(String raw) {
        List<String> found = new ArrayList<>();
        Matcher m = TYPED.matcher(raw);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
