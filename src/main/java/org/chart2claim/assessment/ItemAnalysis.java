package org.chart2claim.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chart2claim.coding.GradeResult;

/**
 * Classical item statistics over submitted sessions, plain Java:
 *
 * <ul>
 *   <li><b>difficulty</b> p: the share of sessions that answered the question correctly;
 *   <li><b>point-biserial</b>: Pearson's r between the item (1 correct, 0 not) and the session's <em>rest score</em>
 *       (points on all other items, so the item does not correlate with itself); null when either has no variance;
 *   <li><b>upper–lower index</b> D: p among the top 27% of sessions by rest score minus p among the bottom 27%
 *       ({@code k = max(1, round(0.27 n))}; ties keep session order);
 *   <li><b>distractors</b>: how many chose each option (original letters) and how many left it blank;
 *   <li><b>flagged</b> when discrimination is negative (point-biserial, or D when r is undefined): stronger
 *       students got it wrong more often, so the key or the wording needs a look.
 * </ul>
 *
 * Scenario items report their key elements: how often each key code was not coded correctly.
 */
public final class ItemAnalysis {

    private ItemAnalysis() {}

    /** One item of one submitted session: its reference, original-letter choice (null blank), score 0–100. */
    public record Response(
            ItemType type, String ref, String domain, String choice, String key, int score, GradeResult grade) {}

    /** One submitted session's responses. */
    public record SessionResponses(String sessionId, List<Response> responses) {}

    public record QuestionStats(
            String questionId,
            String domain,
            String key,
            int n,
            double difficulty,
            Double pointBiserial,
            Double upperLower,
            Map<String, Integer> choices,
            boolean negativeDiscrimination) {}

    /** A scenario's key element (diagnosis or claim line code) and how often it was missed. */
    public record KeyElementStats(String scenarioId, String element, String keyCode, int attempts, int missed) {
        public double missRate() {
            return attempts == 0 ? 0 : (double) missed / attempts;
        }
    }

    public record Report(int sessions, List<QuestionStats> questions, List<KeyElementStats> keyElements) {}

    public static Report analyse(List<SessionResponses> sessions) {
        Map<String, List<double[]>> byQuestion = new TreeMap<>(); // ref → [x, rest]
        Map<String, Map<String, Integer>> choices = new TreeMap<>();
        Map<String, String[]> info = new TreeMap<>(); // ref → domain, key
        Map<String, KeyElementStats> elements = new LinkedHashMap<>();
        for (SessionResponses s : sessions) {
            double total =
                    s.responses().stream().mapToDouble(r -> r.score() / 100.0).sum();
            for (Response r : s.responses()) {
                if (r.type() == ItemType.QUESTION) {
                    double x = r.score() >= 100 ? 1 : 0;
                    byQuestion
                            .computeIfAbsent(r.ref(), k -> new ArrayList<>())
                            .add(new double[] {x, total - r.score() / 100.0});
                    Map<String, Integer> counts = choices.computeIfAbsent(r.ref(), k -> emptyCounts());
                    counts.merge(r.choice() == null ? "blank" : r.choice(), 1, Integer::sum);
                    info.putIfAbsent(r.ref(), new String[] {r.domain(), r.key()});
                } else {
                    countElements(r, elements);
                }
            }
        }
        List<QuestionStats> stats = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : byQuestion.entrySet()) {
            List<double[]> data = e.getValue();
            int n = data.size();
            double p = data.stream().mapToDouble(d -> d[0]).sum() / n;
            Double r = pointBiserial(data);
            Double d = upperLower(data);
            boolean negative = r != null ? r < 0 : d != null && d < 0;
            String[] meta = info.get(e.getKey());
            stats.add(new QuestionStats(e.getKey(), meta[0], meta[1], n, p, r, d, choices.get(e.getKey()), negative));
        }
        List<KeyElementStats> missed = new ArrayList<>(elements.values());
        missed.sort(Comparator.comparingDouble(KeyElementStats::missRate)
                .reversed()
                .thenComparing(KeyElementStats::scenarioId)
                .thenComparing(KeyElementStats::keyCode));
        return new Report(sessions.size(), stats, missed);
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String letter : Question.LETTERS) {
            counts.put(letter, 0);
        }
        counts.put("blank", 0);
        return counts;
    }

    private static void countElements(Response r, Map<String, KeyElementStats> elements) {
        if (r.grade() == null) {
            return; // blank coding case: every element missed, but we do not know the key here
        }
        for (GradeResult.DiagnosisVerdict dx : r.grade().diagnoses()) {
            tally(
                    elements,
                    r.ref(),
                    "diagnosis " + dx.keyPosition(),
                    dx.keyCode(),
                    dx.verdict() != GradeResult.Verdict.CORRECT);
        }
        for (GradeResult.ProcedureVerdict line : r.grade().procedures()) {
            tally(
                    elements,
                    r.ref(),
                    "line " + line.keyLine(),
                    line.keyCode(),
                    line.code() != GradeResult.Verdict.CORRECT);
        }
    }

    private static void tally(
            Map<String, KeyElementStats> elements, String scenario, String element, String code, boolean missed) {
        String key = scenario + "|" + element + "|" + code;
        KeyElementStats old = elements.getOrDefault(key, new KeyElementStats(scenario, element, code, 0, 0));
        elements.put(
                key, new KeyElementStats(scenario, element, code, old.attempts() + 1, old.missed() + (missed ? 1 : 0)));
    }

    /** Pearson's r between column 0 (0/1) and column 1; null without variance in either. */
    static Double pointBiserial(List<double[]> data) {
        int n = data.size();
        if (n < 2) {
            return null;
        }
        double mx = data.stream().mapToDouble(d -> d[0]).average().orElse(0);
        double my = data.stream().mapToDouble(d -> d[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] d : data) {
            sxy += (d[0] - mx) * (d[1] - my);
            sxx += (d[0] - mx) * (d[0] - mx);
            syy += (d[1] - my) * (d[1] - my);
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** p(top 27% by rest score) − p(bottom 27%); null with fewer than two sessions. */
    static Double upperLower(List<double[]> data) {
        int n = data.size();
        if (n < 2) {
            return null;
        }
        int k = Math.max(1, (int) Math.round(0.27 * n));
        List<double[]> sorted = new ArrayList<>(data);
        sorted.sort(Comparator.comparingDouble((double[] d) -> d[1]).reversed());
        double upper = sorted.subList(0, k).stream().mapToDouble(d -> d[0]).sum() / k;
        double lower = sorted.subList(n - k, n).stream().mapToDouble(d -> d[0]).sum() / k;
        return upper - lower;
    }
}
