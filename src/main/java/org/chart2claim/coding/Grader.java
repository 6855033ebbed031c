package org.chart2claim.coding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chart2claim.coding.GradeResult.DiagnosisVerdict;
import org.chart2claim.coding.GradeResult.Extra;
import org.chart2claim.coding.GradeResult.FirstListedVerdict;
import org.chart2claim.coding.GradeResult.MistakeFeedback;
import org.chart2claim.coding.GradeResult.ProcedureVerdict;
import org.chart2claim.coding.GradeResult.Verdict;
import org.chart2claim.coding.GradingRubric.DiagnosisMatch;
import org.chart2claim.coding.GradingRubric.ProcedureMatch;
import org.chart2claim.scenario.AnswerKey;

/**
 * Grades a learner's answer against a scenario's key using {@link GradingRubric}, in named steps: pair the
 * diagnoses, score them and the first-listed one, pair and score the claim lines, charge the extras, pick
 * the author's common-mistake notes. Plain Java: the only outside knowledge it takes is a way to read
 * ICD-10-CM titles (to recognise a laterality slip); without titles, laterality slips still earn the
 * category share.
 */
public final class Grader {

    private final Function<String, Optional<String>> icdTitle;

    /** @param icdTitle the official title of an ICD-10-CM code, if known */
    public Grader(Function<String, Optional<String>> icdTitle) {
        this.icdTitle = icdTitle == null ? c -> Optional.empty() : icdTitle;
    }

    /** What a scoring step decided, the points it earned and the points it made available. */
    record Scored<T>(T verdicts, double earned, double available) {}

    /**
     * Key diagnosis {@code k} paired with the learner's diagnosis {@code learnerIndex.get(k)} (null: none) at
     * {@code match.get(k)}; {@code keyCodeOfLearner.get(s)} is the key code the learner's diagnosis {@code s}
     * stands for (null: none), for comparing pointers.
     */
    record DiagnosisPairing(
            List<String> keyCodes,
            List<Integer> learnerIndex,
            List<DiagnosisMatch> match,
            List<String> keyCodeOfLearner) {
        boolean pairs(int learner) {
            return keyCodeOfLearner.get(learner) != null;
        }
    }

    /** Key line {@code k} paired with the learner's line {@code learnerIndex.get(k)} (null: none). */
    record LinePairing(List<Integer> learnerIndex, List<ProcedureMatch> match) {
        boolean pairs(int learner) {
            return learnerIndex.contains(learner);
        }
    }

    /** Codes and lines that match nothing in the key, and what they cost. */
    record Extras(List<Extra> items, double penalties) {}

    /**
     * Grades against the key's claim lines and against each accepted alternative form
     * ({@link AnswerKey#alternatives()}), and keeps the learner's best result.
     */
    public GradeResult grade(AnswerKey key, CodingAnswer answer) {
        GradeResult best = gradeAgainst(key, answer);
        for (AnswerKey.Alternative alternative : key.alternatives()) {
            GradeResult other = gradeAgainst(key.withProcedures(alternative), answer);
            if (other.earned() - other.penalties() > best.earned() - best.penalties()) {
                best = other;
            }
        }
        return best;
    }

    private GradeResult gradeAgainst(AnswerKey key, CodingAnswer answer) {
        DiagnosisPairing dx = pairDiagnoses(key, answer.diagnoses());
        Scored<List<DiagnosisVerdict>> diagnoses = scoreDiagnoses(key, answer.diagnoses(), dx);
        Scored<FirstListedVerdict> first = scoreFirstListed(answer.diagnoses(), dx);
        LinePairing lines = pairLines(key, answer, dx);
        Scored<List<ProcedureVerdict>> procedures = scoreLines(key, answer, dx, lines);
        Extras extras = extras(key, answer, dx, lines);
        List<MistakeFeedback> feedback =
                mistakes(key, answer, diagnoses.verdicts(), first.verdicts(), procedures.verdicts());
        double earned = diagnoses.earned() + first.earned() + procedures.earned();
        double available = diagnoses.available() + first.available() + procedures.available();
        return new GradeResult(
                GradingRubric.score(earned, extras.penalties(), available),
                round(earned),
                round(extras.penalties()),
                round(available),
                diagnoses.verdicts(),
                first.verdicts(),
                procedures.verdicts(),
                extras.items(),
                feedback);
    }

    /** Step 1: pairs key diagnoses with the learner's codes, exact matches first, then the closest partial ones. */
    DiagnosisPairing pairDiagnoses(AnswerKey key, List<String> yourDx) {
        List<String> keyDx =
                key.diagnoses().stream().map(AnswerKey.Diagnosis::code).toList();
        Integer[] learnerIndex = new Integer[keyDx.size()];
        DiagnosisMatch[] match = new DiagnosisMatch[keyDx.size()];
        Set<Integer> used = new HashSet<>();
        for (int k = 0; k < keyDx.size(); k++) {
            int s = yourDx.indexOf(keyDx.get(k));
            if (s >= 0 && used.add(s)) {
                learnerIndex[k] = s;
                match[k] = DiagnosisMatch.EXACT;
            }
        }
        for (DiagnosisMatch level : GradingRubric.PARTIAL_DIAGNOSIS_MATCHES) {
            for (int k = 0; k < keyDx.size(); k++) {
                if (learnerIndex[k] != null) {
                    continue;
                }
                for (int s = 0; s < yourDx.size(); s++) {
                    if (!used.contains(s) && classify(keyDx.get(k), yourDx.get(s)) == level) {
                        used.add(s);
                        learnerIndex[k] = s;
                        match[k] = level;
                        break;
                    }
                }
            }
        }
        String[] keyCodeOfLearner = new String[yourDx.size()];
        for (int k = 0; k < keyDx.size(); k++) {
            if (learnerIndex[k] == null) {
                match[k] = DiagnosisMatch.MISSING;
            } else {
                keyCodeOfLearner[learnerIndex[k]] = keyDx.get(k);
            }
        }
        return new DiagnosisPairing(keyDx, fixed(learnerIndex), fixed(match), fixed(keyCodeOfLearner));
    }

    /** Step 2: each key diagnosis earns the share of its match. */
    static Scored<List<DiagnosisVerdict>> scoreDiagnoses(AnswerKey key, List<String> yourDx, DiagnosisPairing dx) {
        double earned = 0;
        double available = 0;
        List<DiagnosisVerdict> verdicts = new ArrayList<>();
        for (int k = 0; k < dx.keyCodes().size(); k++) {
            DiagnosisMatch kind = dx.match().get(k);
            double points = GradingRubric.diagnosisPoints(kind);
            earned += points;
            available += GradingRubric.DIAGNOSIS_POINTS;
            Integer s = dx.learnerIndex().get(k);
            verdicts.add(new DiagnosisVerdict(
                    k + 1,
                    dx.keyCodes().get(k),
                    s == null ? null : yourDx.get(s),
                    s == null ? null : s + 1,
                    verdictOf(kind),
                    kind.label(),
                    points,
                    GradingRubric.DIAGNOSIS_POINTS,
                    key.diagnoses().get(k).rationale()));
        }
        return new Scored<>(verdicts, earned, available);
    }

    /** Step 3: the learner's first code against the key's first code. */
    static Scored<FirstListedVerdict> scoreFirstListed(List<String> yourDx, DiagnosisPairing dx) {
        String yourFirst = yourDx.isEmpty() ? null : yourDx.get(0);
        boolean firstPaired =
                !dx.keyCodes().isEmpty() && Objects.equals(dx.learnerIndex().get(0), 0);
        DiagnosisMatch kind = firstPaired ? dx.match().get(0) : DiagnosisMatch.MISSING;
        Verdict verdict = firstPaired ? verdictOf(kind) : yourFirst == null ? Verdict.MISSING : Verdict.WRONG;
        double points = GradingRubric.firstListedPoints(kind);
        return new Scored<>(
                new FirstListedVerdict(
                        dx.keyCodes().isEmpty() ? null : dx.keyCodes().get(0),
                        yourFirst,
                        verdict,
                        points,
                        GradingRubric.FIRST_LISTED_POINTS),
                points,
                GradingRubric.FIRST_LISTED_POINTS);
    }

    /** Step 4: pairs claim lines, same code first (best detail score among duplicates), then same family. */
    static LinePairing pairLines(AnswerKey key, CodingAnswer answer, DiagnosisPairing dx) {
        List<AnswerKey.ProcedureLine> keyLines = key.procedures();
        List<CodingAnswer.Line> yourLines = answer.procedures();
        Integer[] learnerIndex = new Integer[keyLines.size()];
        ProcedureMatch[] match = new ProcedureMatch[keyLines.size()];
        Set<Integer> used = new HashSet<>();
        for (ProcedureMatch level : List.of(ProcedureMatch.EXACT, ProcedureMatch.SAME_FAMILY)) {
            for (int k = 0; k < keyLines.size(); k++) {
                if (learnerIndex[k] != null) {
                    continue;
                }
                int best = -1;
                double bestDetail = -1;
                for (int s = 0; s < yourLines.size(); s++) {
                    if (used.contains(s)
                            || GradingRubric.procedureMatch(
                                            keyLines.get(k).code(),
                                            yourLines.get(s).code(),
                                            level)
                                    != level) {
                        continue;
                    }
                    double detail = detailPoints(keyLines.get(k), yourLines.get(s), dx);
                    if (detail > bestDetail) {
                        best = s;
                        bestDetail = detail;
                    }
                }
                if (best >= 0) {
                    used.add(best);
                    learnerIndex[k] = best;
                    match[k] = level;
                }
            }
        }
        for (int k = 0; k < keyLines.size(); k++) {
            if (match[k] == null) {
                match[k] = ProcedureMatch.MISSING;
            }
        }
        return new LinePairing(fixed(learnerIndex), fixed(match));
    }

    /** Step 5: each key line earns its code share, and on a matched line modifiers, units and pointers. */
    static Scored<List<ProcedureVerdict>> scoreLines(
            AnswerKey key, CodingAnswer answer, DiagnosisPairing dx, LinePairing lines) {
        double earned = 0;
        double available = 0;
        List<ProcedureVerdict> verdicts = new ArrayList<>();
        List<String> yourDx = answer.diagnoses();
        for (int k = 0; k < key.procedures().size(); k++) {
            AnswerKey.ProcedureLine kl = key.procedures().get(k);
            ProcedureMatch kind = lines.match().get(k);
            double max = GradingRubric.LINE_POINTS;
            available += max;
            List<String> keyPointed = pointed(kl.pointers(), dx.keyCodes());
            Integer s = lines.learnerIndex().get(k);
            if (s == null) {
                verdicts.add(new ProcedureVerdict(
                        k + 1,
                        kl.code(),
                        kl.modifiers(),
                        kl.units(),
                        keyPointed,
                        null,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        Verdict.MISSING,
                        kind.label(),
                        Verdict.MISSING,
                        Verdict.MISSING,
                        Verdict.MISSING,
                        0,
                        max,
                        kl.rationale()));
                continue;
            }
            CodingAnswer.Line yl = answer.procedures().get(s);
            Verdict mods = sameModifiers(kl.modifiers(), yl.modifiers()) ? Verdict.CORRECT : Verdict.WRONG;
            Verdict units = kl.units() == yl.units() ? Verdict.CORRECT : Verdict.WRONG;
            Verdict pointers = pointerVerdict(kl, yl, dx);
            double points = GradingRubric.procedureCodePoints(kind)
                    + GradingRubric.lineDetailPoints(mods == Verdict.CORRECT, units == Verdict.CORRECT, pointers);
            earned += points;
            List<String> yourPointed = new ArrayList<>();
            for (Integer p : yl.pointers()) {
                yourPointed.add(p >= 1 && p <= yourDx.size() ? yourDx.get(p - 1) : "#" + p + " (no such diagnosis)");
            }
            verdicts.add(new ProcedureVerdict(
                    k + 1,
                    kl.code(),
                    kl.modifiers(),
                    kl.units(),
                    keyPointed,
                    s + 1,
                    yl.code(),
                    yl.modifiers(),
                    yl.units(),
                    yourPointed,
                    kind == ProcedureMatch.EXACT ? Verdict.CORRECT : Verdict.PARTIAL,
                    kind.label(),
                    mods,
                    units,
                    pointers,
                    points,
                    max,
                    kl.rationale()));
        }
        return new Scored<>(verdicts, earned, available);
    }

    /** Step 6: learner codes and lines that pair with nothing in the key, and their penalties. */
    static Extras extras(AnswerKey key, CodingAnswer answer, DiagnosisPairing dx, LinePairing lines) {
        double penalties = 0;
        List<Extra> items = new ArrayList<>();
        for (int s = 0; s < answer.diagnoses().size(); s++) {
            if (dx.pairs(s)) {
                continue;
            }
            String code = answer.diagnoses().get(s);
            boolean optional = key.optionalCodes().contains(code);
            double penalty = GradingRubric.extraDiagnosisPenalty(optional);
            penalties += penalty;
            items.add(new Extra(
                    "diagnosis",
                    code,
                    penalty,
                    optional
                            ? "Optional code: accepted, no points either way."
                            : "Not supported by the key for this note."));
        }
        for (int s = 0; s < answer.procedures().size(); s++) {
            if (!lines.pairs(s)) {
                penalties += GradingRubric.EXTRA_PROCEDURE_PENALTY;
                items.add(new Extra(
                        "procedure",
                        describe(answer.procedures().get(s)),
                        GradingRubric.EXTRA_PROCEDURE_PENALTY,
                        "This service is not supported as a separate claim line."));
            }
        }
        return new Extras(items, penalties);
    }

    /** The closest relation between a key ICD-10-CM code and a learner's, or null when unrelated. */
    DiagnosisMatch classify(String keyCode, String yourCode) {
        return GradingRubric.diagnosisMatch(keyCode, yourCode, this::differsOnlyInLaterality);
    }

    private static final Set<String> LATERALITY_WORDS = Set.of(
            "right",
            "left",
            "bilateral",
            "r",
            "l",
            "unsp",
            "unspecified",
            "side",
            "ear",
            "eye",
            "limb",
            "upper",
            "lower",
            "and",
            "of",
            "rt",
            "lt",
            "bi");

    private boolean differsOnlyInLaterality(String keyCode, String yourCode) {
        Optional<String> kt = icdTitle.apply(keyCode);
        Optional<String> yt = icdTitle.apply(yourCode);
        if (kt.isEmpty() || yt.isEmpty()) {
            return false;
        }
        return hasLaterality(kt.get())
                && hasLaterality(yt.get())
                && withoutLaterality(kt.get()).equals(withoutLaterality(yt.get()));
    }

    private static boolean hasLaterality(String title) {
        String t = " " + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        return t.contains(" right ")
                || t.contains(" left ")
                || t.contains(" bilateral ")
                || t.contains(" unspecified side ");
    }

    private static List<String> withoutLaterality(String title) {
        List<String> words = new ArrayList<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !LATERALITY_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static Verdict verdictOf(DiagnosisMatch kind) {
        return switch (kind) {
            case EXACT -> Verdict.CORRECT;
            case MISSING -> Verdict.MISSING;
            default -> Verdict.PARTIAL;
        };
    }

    private static boolean sameModifiers(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b)) && a.size() == b.size();
    }

    private static List<String> pointed(List<Integer> pointers, List<String> dx) {
        List<String> out = new ArrayList<>();
        for (Integer p : pointers) {
            if (p >= 1 && p <= dx.size()) {
                out.add(dx.get(p - 1));
            }
        }
        return out;
    }

    /** Compares the key diagnoses a learner line points at (through the diagnosis pairing) with the key line's. */
    private static Verdict pointerVerdict(AnswerKey.ProcedureLine kl, CodingAnswer.Line yl, DiagnosisPairing dx) {
        List<String> keyPointed = pointed(kl.pointers(), dx.keyCodes());
        List<String> yourPointed = new ArrayList<>();
        for (Integer p : yl.pointers()) {
            yourPointed.add(
                    p >= 1 && p <= dx.keyCodeOfLearner().size()
                            ? dx.keyCodeOfLearner().get(p - 1)
                            : null);
        }
        if (yourPointed.isEmpty() || keyPointed.isEmpty()) {
            return Verdict.WRONG;
        }
        boolean firstRight = Objects.equals(keyPointed.get(0), yourPointed.get(0));
        boolean sameSet = new LinkedHashSet<>(keyPointed).equals(new LinkedHashSet<>(yourPointed));
        if (firstRight && sameSet) {
            return Verdict.CORRECT;
        }
        return firstRight ? Verdict.PARTIAL : Verdict.WRONG;
    }

    private static double detailPoints(AnswerKey.ProcedureLine kl, CodingAnswer.Line yl, DiagnosisPairing dx) {
        return GradingRubric.lineDetailPoints(
                sameModifiers(kl.modifiers(), yl.modifiers()), kl.units() == yl.units(), pointerVerdict(kl, yl, dx));
    }

    static String describe(CodingAnswer.Line line) {
        StringBuilder sb = new StringBuilder(line.code());
        for (String m : line.modifiers()) {
            sb.append('-').append(m);
        }
        if (line.units() != 1) {
            sb.append(" x").append(line.units());
        }
        return sb.toString();
    }

    /**
     * Step 7: the author's "common mistake" notes that apply: a plain code applies when the learner used it and
     * did not get that element fully right; {@code CODE-MOD} needs that modifier on a line of that code;
     * {@code CODE xN} needs those units. The notes were parsed when the scenario was loaded.
     */
    static List<MistakeFeedback> mistakes(
            AnswerKey key,
            CodingAnswer answer,
            List<DiagnosisVerdict> dx,
            FirstListedVerdict first,
            List<ProcedureVerdict> lines) {
        Set<String> exactDx = new HashSet<>();
        for (DiagnosisVerdict v : dx) {
            if (v.verdict() == Verdict.CORRECT) {
                exactDx.add(v.yourCode());
            }
        }
        Set<Integer> perfectLines = new HashSet<>();
        for (ProcedureVerdict v : lines) {
            if (v.yourLine() != null && v.points() == v.maxPoints()) {
                perfectLines.add(v.yourLine() - 1);
            }
        }
        List<MistakeFeedback> out = new ArrayList<>();
        for (AnswerKey.CommonMistake mistake : key.commonMistakes()) {
            String code = mistake.code();
            boolean applies = false;
            int di = answer.diagnoses().indexOf(code);
            if (di >= 0 && mistake.modifiers().isEmpty() && mistake.units() == null) {
                boolean wrongFirst = di == 0 && first.verdict() != Verdict.CORRECT;
                applies = !exactDx.contains(code) || wrongFirst;
            }
            for (int s = 0; s < answer.procedures().size() && !applies; s++) {
                CodingAnswer.Line line = answer.procedures().get(s);
                if (!line.code().equals(code)) {
                    continue;
                }
                boolean modsOk = line.modifiers().containsAll(mistake.modifiers());
                boolean unitsOk = mistake.units() == null || line.units() == mistake.units();
                applies = modsOk && unitsOk && !perfectLines.contains(s);
            }
            if (applies) {
                out.add(new MistakeFeedback(mistake.answer(), mistake.why()));
            }
        }
        return out;
    }

    /** An unmodifiable list that keeps nulls (an unpaired position). */
    private static <T> List<T> fixed(T[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
