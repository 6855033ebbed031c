package org.chart2claim.appeal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.chart2claim.payer.GroupCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads one drill file; every problem is reported with the file name and the field. */
public final class DrillParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CARC = Pattern.compile("[A-Z]?[0-9]{1,3}");
    private static final Pattern RARC = Pattern.compile("[MN][A-Z]?[0-9]{1,3}|MA[0-9]{2,3}");

    private DrillParser() {}

    /** A malformed drill file. */
    public static final class DrillFormatException extends RuntimeException {
        public DrillFormatException(String message) {
            super(message);
        }
    }

    public static Drill parse(String fileName, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw new DrillFormatException(fileName + ": not valid YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new DrillFormatException(fileName + ": a drill file is a YAML map.");
        }
        String id = text(fileName, map, "id");
        requireReview(fileName, map);
        if (!ID.matcher(id).matches()) {
            throw new DrillFormatException(fileName + ": id '" + id + "' is not kebab-case.");
        }
        if (!fileName.equals(id + ".yaml")) {
            throw new DrillFormatException(fileName + ": the file name must be " + id + ".yaml.");
        }
        String kindText = text(fileName, map, "kind");
        Drill.Kind kind = Drill.Kind.parse(kindText)
                .orElseThrow(() -> new DrillFormatException(fileName + ": kind '" + kindText + "' is not one of "
                        + java.util.Arrays.stream(Drill.Kind.values())
                                .map(Drill.Kind::id)
                                .toList() + "."));
        if (!(map.get("line") instanceof Integer line) || line < 1) {
            throw new DrillFormatException(fileName + ": line is the 1-based claim line the denial hits.");
        }
        if (!(map.get("denial") instanceof Map<?, ?> denial)) {
            throw new DrillFormatException(fileName + ": denial {group, carc, rarc, edit, explanation} is missing.");
        }
        String groupText = text(fileName, denial, "group");
        GroupCode group;
        try {
            group = GroupCode.valueOf(groupText);
        } catch (IllegalArgumentException e) {
            throw new DrillFormatException(fileName + ": denial group '" + groupText + "' is not CO, PR, OA or PI.");
        }
        String carc = text(fileName, denial, "carc");
        if (!CARC.matcher(carc).matches()) {
            throw new DrillFormatException(fileName + ": denial carc '" + carc + "' is not a CARC.");
        }
        List<String> rarc = strings(fileName, denial.get("rarc"), "denial rarc");
        for (String r : rarc) {
            if (!RARC.matcher(r).matches()) {
                throw new DrillFormatException(fileName + ": denial rarc '" + r + "' is not a RARC.");
            }
        }
        if (!(map.get("expected") instanceof Map<?, ?> expected)) {
            throw new DrillFormatException(fileName + ": expected {actions, documentation, rationale} is missing.");
        }
        List<AppealAction> actions = new ArrayList<>();
        for (String a : strings(fileName, expected.get("actions"), "expected actions")) {
            actions.add(AppealAction.parse(a)
                    .orElseThrow(
                            () -> new DrillFormatException(fileName + ": expected action '" + a + "' is unknown.")));
        }
        if (actions.isEmpty()) {
            throw new DrillFormatException(fileName + ": expected actions name at least one action.");
        }
        List<RecordDocument> documentation = new ArrayList<>();
        for (String d : strings(fileName, expected.get("documentation"), "expected documentation")) {
            documentation.add(RecordDocument.parse(d)
                    .orElseThrow(() -> new DrillFormatException(fileName + ": documentation '" + d + "' is not one of "
                            + java.util.Arrays.stream(RecordDocument.values())
                                    .map(RecordDocument::id)
                                    .toList() + ".")));
        }
        Drill.Billed billed = billed(fileName, map.get("billed"));
        if (kind.claimSide() && (billed == null || billed.empty())) {
            throw new DrillFormatException(fileName + ": a " + kind.id()
                    + " drill says how the line was billed wrong: billed {modifiers, units, pointers, diagnoses, payer +"
                    + " memberId}.");
        }
        if (!kind.claimSide() && billed != null) {
            throw new DrillFormatException(fileName + ": a " + kind.id()
                    + " drill bills the key as it is (the error is the payer's); remove billed.");
        }
        if (actions.contains(AppealAction.APPEAL) && documentation.isEmpty()) {
            throw new DrillFormatException(fileName + ": an appeal drill names the documentation that wins it.");
        }
        return new Drill(
                id,
                text(fileName, map, "title"),
                kind,
                text(fileName, map, "scenario"),
                line,
                text(fileName, map, "fault"),
                billed,
                new Drill.DrillDenial(
                        group, carc, rarc, text(fileName, denial, "edit"), text(fileName, denial, "explanation")),
                actions,
                documentation,
                text(fileName, expected, "rationale"));
    }

    /**
     * A drill with an author carries the second reader's review, as scenarios do (scenarios/REVIEW.md):
     * {@code review: {by, on, checklist: REVIEW.md, notes}}, by someone other than the author.
     */
    private static void requireReview(String file, Map<?, ?> map) {
        Object author = map.get("author");
        if (author == null) {
            return;
        }
        if (!(map.get("review") instanceof Map<?, ?> review) || review.get("by") == null) {
            throw new DrillFormatException(
                    file + ": a drill with an author needs a review: {by, on, checklist: REVIEW.md,"
                            + " notes} by someone else (scenarios/REVIEW.md).");
        }
        if (review.get("by")
                .toString()
                .trim()
                .equalsIgnoreCase(author.toString().trim())) {
            throw new DrillFormatException(
                    file + ": review.by must be someone other than the author (" + author + ").");
        }
        if (!"REVIEW.md".equals(review.get("checklist"))) {
            throw new DrillFormatException(file + ": review.checklist must be REVIEW.md.");
        }
    }

    private static Drill.Billed billed(String file, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DrillFormatException(
                    file + ": billed is a map {modifiers, units, pointers, diagnoses, payer, memberId}.");
        }
        Integer units = null;
        if (map.get("units") != null) {
            if (!(map.get("units") instanceof Integer u) || u < 1 || u > 9999) {
                throw new DrillFormatException(file + ": billed units is a whole number from 1 to 9999.");
            }
            units = u;
        }
        List<Integer> pointers = null;
        if (map.get("pointers") != null) {
            pointers = new ArrayList<>();
            for (String p : strings(file, map.get("pointers"), "billed pointers")) {
                if (!p.matches("([1-9]|1[0-2])")) {
                    throw new DrillFormatException(file + ": billed pointer '" + p + "' is not 1-12.");
                }
                pointers.add(Integer.parseInt(p));
            }
        }
        String payer =
                map.get("payer") == null ? null : map.get("payer").toString().trim();
        String memberId = map.get("memberId") == null
                ? null
                : map.get("memberId").toString().trim();
        if ((payer == null) != (memberId == null) || payer != null && (payer.isEmpty() || memberId.isEmpty())) {
            throw new DrillFormatException(file + ": billed payer and billed memberId go together: the plan the claim"
                    + " was sent to and the patient's member id there.");
        }
        return new Drill.Billed(
                map.get("modifiers") == null ? null : strings(file, map.get("modifiers"), "billed modifiers"),
                units,
                pointers,
                map.get("diagnoses") == null ? null : strings(file, map.get("diagnoses"), "billed diagnoses"),
                payer,
                memberId);
    }

    private static String text(String file, Map<?, ?> map, String field) {
        Object v = map.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new DrillFormatException(file + ": " + field + " is missing.");
        }
        return v.toString().trim();
    }

    private static List<String> strings(String file, Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new DrillFormatException(file + ": " + field + " is a list.");
        }
        return list.stream().map(Object::toString).map(String::trim).toList();
    }
}
