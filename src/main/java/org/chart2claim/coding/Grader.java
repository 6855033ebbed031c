package org.chart2claim.coding;

import java.util.ArrayList;
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
 * Grades a learner's answer against a scenario's key using {@link GradingRubric}. Plain Java: the only
 * outside knowledge it takes is a way to read ICD-10-CM titles (to recognise a laterality slip); without
 * titles, laterality slips still earn the category share.
 */
public final class Grader {

    private final Function<String, Optional<String>> icdTitle;

    /** @param icdTitle the official title of an ICD-10-CM code, if known */
    public Grader(Function<String, Optional<String>> icdTitle) {
        this.icdTitle = icdTitle == null ? c -> Optional.empty() : icdTitle;
    }

    public GradeResult grade(AnswerKey key, CodingAnswer answer) {
        List<String> keyDx =
                key.diagnoses().stream().map(AnswerKey.Diagnosis::code).toList();
        List<String> yourDx = answer.diagnoses();

        // 1. Pair key diagnoses with the learner's codes: exact matches first, then the closest partial ones.
        Integer[] pairedStudent = new Integer[keyDx.size()]; // key index -> learner index
        DiagnosisMatch[] matchKind = new DiagnosisMatch[keyDx.size()];
        Set<Integer> usedStudent = new HashSet<>();
        for (int k = 0; k < keyDx.size(); k++) {
            int s = yourDx.indexOf(keyDx.get(k));
            if (s >= 0 && usedStudent.add(s)) {
                pairedStudent[k] = s;
                matchKind[k] = DiagnosisMatch.EXACT;
            }
        }
        for (DiagnosisMatch level : List.of(
                DiagnosisMatch.WRONG_SEVENTH_CHARACTER,
                DiagnosisMatch.WRONG_LATERALITY,
                DiagnosisMatch.SAME_CATEGORY)) {
            for (int k = 0; k < keyDx.size(); k++) {
                if (pairedStudent[k] != null) {
                    continue;
                }
                for (int s = 0; s < yourDx.size(); s++) {
                    if (!usedStudent.contains(s) && classify(keyDx.get(k), yourDx.get(s)) == level) {
                        usedStudent.add(s);
                        pairedStudent[k] = s;
                        matchKind[k] = level;
                        break;
                    }
                }
            }
        }

        double earned = 0;
        double available = 0;
        List<DiagnosisVerdict> dxVerdicts = new ArrayList<>();
        for (int k = 0; k < keyDx.size(); k++) {
            DiagnosisMatch kind = matchKind[k] == null ? DiagnosisMatch.MISSING : matchKind[k];
            double points = GradingRubric.diagnosisPoints(kind);
            earned += points;
            available += GradingRubric.DIAGNOSIS_POINTS;
            Integer s = pairedStudent[k];
            dxVerdicts.add(new DiagnosisVerdict(
                    k + 1,
                    keyDx.get(k),
                    s == null ? null : yourDx.get(s),
                    s == null ? null : s + 1,
                    verdictOf(kind),
                    kind.label(),
                    points,
                    GradingRubric.DIAGNOSIS_POINTS,
                    key.diagnoses().get(k).rationale()));
        }

        // 2. First-listed diagnosis.
        String yourFirst = yourDx.isEmpty() ? null : yourDx.get(0);
        double firstPoints = 0;
        Verdict firstVerdict = yourFirst == null ? Verdict.MISSING : Verdict.WRONG;
        if (!keyDx.isEmpty() && Objects.equals(pairedStudent[0], 0)) {
            boolean exact = matchKind[0] == DiagnosisMatch.EXACT;
            firstPoints = exact ? GradingRubric.FIRST_LISTED_POINTS : GradingRubric.FIRST_LISTED_PARTIAL_POINTS;
            firstVerdict = exact ? Verdict.CORRECT : Verdict.PARTIAL;
        }
        earned += firstPoints;
        available += GradingRubric.FIRST_LISTED_POINTS;
        FirstListedVerdict first = new FirstListedVerdict(
                keyDx.isEmpty() ? null : keyDx.get(0),
                yourFirst,
                firstVerdict,
                firstPoints,
                GradingRubric.FIRST_LISTED_POINTS);

        // Learner diagnosis index -> the key code it stands for (for comparing pointers).
        String[] studentAsKey = new String[yourDx.size()];
        for (int k = 0; k < keyDx.size(); k++) {
            if (pairedStudent[k] != null) {
                studentAsKey[pairedStudent[k]] = keyDx.get(k);
            }
        }

        // 3. Pair claim lines: same code first (best detail score among duplicates), then same family.
        List<AnswerKey.ProcedureLine> keyLines = key.procedures();
        List<CodingAnswer.Line> yourLines = answer.procedures();
        Integer[] pairedLine = new Integer[keyLines.size()];
        ProcedureMatch[] lineKind = new ProcedureMatch[keyLines.size()];
        Set<Integer> usedLines = new HashSet<>();
        for (ProcedureMatch level : List.of(ProcedureMatch.EXACT, ProcedureMatch.SAME_FAMILY)) {
            for (int k = 0; k < keyLines.size(); k++) {
                if (pairedLine[k] != null) {
                    continue;
                }
                int best = -1;
                double bestDetail = -1;
                for (int s = 0; s < yourLines.size(); s++) {
                    if (usedLines.contains(s)
                            || classify(keyLines.get(k).code(), yourLines.get(s).code(), level) != level) {
                        continue;
                    }
                    double detail = detailPoints(keyLines.get(k), yourLines.get(s), keyDx, studentAsKey);
                    if (detail > bestDetail) {
                        best = s;
                        bestDetail = detail;
                    }
                }
                if (best >= 0) {
                    usedLines.add(best);
                    pairedLine[k] = best;
                    lineKind[k] = level;
                }
            }
        }

        List<ProcedureVerdict> lineVerdicts = new ArrayList<>();
        for (int k = 0; k < keyLines.size(); k++) {
            AnswerKey.ProcedureLine kl = keyLines.get(k);
            ProcedureMatch kind = lineKind[k] == null ? ProcedureMatch.MISSING : lineKind[k];
            double max = GradingRubric.PROCEDURE_CODE_POINTS
                    + GradingRubric.MODIFIER_POINTS
                    + GradingRubric.UNITS_POINTS
                    + GradingRubric.POINTER_POINTS;
            available += max;
            List<String> keyPointed = pointed(kl.pointers(), keyDx);
            if (pairedLine[k] == null) {
                lineVerdicts.add(new ProcedureVerdict(
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
            CodingAnswer.Line yl = yourLines.get(pairedLine[k]);
            double codePoints = GradingRubric.procedureCodePoints(kind);
            Verdict mods = sameModifiers(kl.modifiers(), yl.modifiers()) ? Verdict.CORRECT : Verdict.WRONG;
            Verdict units = kl.units() == yl.units() ? Verdict.CORRECT : Verdict.WRONG;
            Verdict pointers = pointerVerdict(kl, yl, keyDx, studentAsKey);
            double points = codePoints
                    + (mods == Verdict.CORRECT ? GradingRubric.MODIFIER_POINTS : 0)
                    + (units == Verdict.CORRECT ? GradingRubric.UNITS_POINTS : 0)
                    + (pointers == Verdict.CORRECT
                            ? GradingRubric.POINTER_POINTS
                            : pointers == Verdict.PARTIAL ? GradingRubric.POINTER_POINTS / 2.0 : 0);
            earned += points;
            List<String> yourPointed = new ArrayList<>();
            for (Integer p : yl.pointers()) {
                yourPointed.add(p >= 1 && p <= yourDx.size() ? yourDx.get(p - 1) : "#" + p + " (no such diagnosis)");
            }
            lineVerdicts.add(new ProcedureVerdict(
                    k + 1,
                    kl.code(),
                    kl.modifiers(),
                    kl.units(),
                    keyPointed,
                    pairedLine[k] + 1,
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

        // 4. Extras and penalties.
        double penalties = 0;
        List<Extra> extras = new ArrayList<>();
        for (int s = 0; s < yourDx.size(); s++) {
            if (usedStudent.contains(s)) {
                continue;
            }
            String code = yourDx.get(s);
            if (key.optionalCodes().contains(code)) {
                extras.add(new Extra("diagnosis", code, 0, "Optional code: accepted, no points either way."));
            } else {
                penalties += GradingRubric.EXTRA_DIAGNOSIS_PENALTY;
                extras.add(new Extra(
                        "diagnosis",
                        code,
                        GradingRubric.EXTRA_DIAGNOSIS_PENALTY,
                        "Not supported by the key for this note."));
            }
        }
        for (int s = 0; s < yourLines.size(); s++) {
            if (!usedLines.contains(s)) {
                penalties += GradingRubric.EXTRA_PROCEDURE_PENALTY;
                extras.add(new Extra(
                        "procedure",
                        describe(yourLines.get(s)),
                        GradingRubric.EXTRA_PROCEDURE_PENALTY,
                        "This service is not supported as a separate claim line."));
            }
        }

        List<MistakeFeedback> feedback = mistakes(key, answer, dxVerdicts, first, lineVerdicts);
        return new GradeResult(
                GradingRubric.score(earned, penalties, available),
                round(earned),
                round(penalties),
                round(available),
                dxVerdicts,
                first,
                lineVerdicts,
                extras,
                feedback);
    }

    /** The closest relation between a key ICD-10-CM code and a learner's, or null when unrelated. */
    DiagnosisMatch classify(String keyCode, String yourCode) {
        if (keyCode.equals(yourCode)) {
            return DiagnosisMatch.EXACT;
        }
        String k = keyCode.replace(".", "");
        String y = yourCode.replace(".", "");
        if (k.length() < 3 || y.length() < 3 || !k.substring(0, 3).equals(y.substring(0, 3))) {
            return null;
        }
        if (k.length() == 7 && y.length() == 7 && k.substring(0, 6).equals(y.substring(0, 6))) {
            return DiagnosisMatch.WRONG_SEVENTH_CHARACTER;
        }
        if (k.length() == y.length() && differsOnlyInLaterality(keyCode, yourCode)) {
            return DiagnosisMatch.WRONG_LATERALITY;
        }
        return DiagnosisMatch.SAME_CATEGORY;
    }

    private static ProcedureMatch classify(String keyCode, String yourCode, ProcedureMatch wanted) {
        if (keyCode.equals(yourCode)) {
            return ProcedureMatch.EXACT;
        }
        if (wanted == ProcedureMatch.SAME_FAMILY
                && keyCode.length() == 5
                && yourCode.length() == 5
                && keyCode.substring(0, 4).equals(yourCode.substring(0, 4))) {
            return ProcedureMatch.SAME_FAMILY;
        }
        return null;
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
    private static Verdict pointerVerdict(
            AnswerKey.ProcedureLine kl, CodingAnswer.Line yl, List<String> keyDx, String[] studentAsKey) {
        List<String> keyPointed = pointed(kl.pointers(), keyDx);
        List<String> yourPointed = new ArrayList<>();
        for (Integer p : yl.pointers()) {
            yourPointed.add(p >= 1 && p <= studentAsKey.length ? studentAsKey[p - 1] : null);
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

    private static double detailPoints(
            AnswerKey.ProcedureLine kl, CodingAnswer.Line yl, List<String> keyDx, String[] studentAsKey) {
        Verdict p = pointerVerdict(kl, yl, keyDx, studentAsKey);
        return (sameModifiers(kl.modifiers(), yl.modifiers()) ? GradingRubric.MODIFIER_POINTS : 0)
                + (kl.units() == yl.units() ? GradingRubric.UNITS_POINTS : 0)
                + (p == Verdict.CORRECT
                        ? GradingRubric.POINTER_POINTS
                        : p == Verdict.PARTIAL ? GradingRubric.POINTER_POINTS / 2.0 : 0);
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
     * The author's "common mistake" notes that apply: a plain code applies when the learner used it and did not
     * get that element fully right; {@code CODE-MOD} needs that modifier on a line of that code; {@code CODE xN}
     * needs those units.
     */
    private static List<MistakeFeedback> mistakes(
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
            String answerText = mistake.answer().trim().toUpperCase(Locale.ROOT);
            String[] unitSplit = answerText.split("\\s*X\\s*(?=\\d+$)");
            Integer units = unitSplit.length == 2 ? Integer.valueOf(unitSplit[1]) : null;
            String[] parts = unitSplit[0].trim().split("-");
            String code = parts[0].trim();
            List<String> mods = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                mods.add(parts[i].trim());
            }
            boolean applies = false;
            int di = answer.diagnoses().indexOf(code);
            if (di >= 0 && mods.isEmpty() && units == null) {
                boolean wrongFirst = di == 0 && first.verdict() != Verdict.CORRECT;
                applies = !exactDx.contains(code) || wrongFirst;
            }
            for (int s = 0; s < answer.procedures().size() && !applies; s++) {
                CodingAnswer.Line line = answer.procedures().get(s);
                if (!line.code().equals(code)) {
                    continue;
                }
                boolean modsOk = mods.isEmpty() || line.modifiers().containsAll(mods);
                boolean unitsOk = units == null || line.units() == units;
                applies = modsOk && unitsOk && !perfectLines.contains(s);
            }
            if (applies) {
                out.add(new MistakeFeedback(mistake.answer(), mistake.why()));
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
