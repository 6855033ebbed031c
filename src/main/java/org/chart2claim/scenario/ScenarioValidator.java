package org.chart2claim.scenario;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.codebook.CodeLookup;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The one validator of scenario text, whether it comes from a shipped file, an upload, an import or the editor's
 * form: {@link ScenarioParser} (format, required fields, hostile content), {@link ScenarioConsistencyChecks} (the
 * note against the encounter data) and {@link KeyCodeValidator} (codes exist and are billable). Every problem is
 * returned with the file line it belongs to and, where it names one, the field path ({@code patient.name},
 * {@code key.diagnoses[1].code}) the editor shows it next to. Plain Java.
 */
public final class ScenarioValidator {

    /** One problem: the 1-based line in the file text (null when it has none), the field path (or null), what. */
    public record Error(Integer line, String field, String message) {
        @Override
        public String toString() {
            return line == null ? message : "line " + line + ": " + message;
        }
    }

    /** The scenario when the text is valid, else the errors (never both empty). */
    public record Outcome(Scenario scenario, List<Error> errors) {
        public Outcome {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final Pattern LINE_PREFIX = Pattern.compile("^line (\\d+): ");
    private static final Pattern FIELD_PATH = Pattern.compile(
            "^(?:missing required field |unknown field )?([a-zA-Z]+(?:\\[\\d+\\])?(?:\\.[a-zA-Z0-9]+(?:\\[\\d+\\])?)*)");
    private static final Pattern CODE_TOKEN =
            Pattern.compile("\\b[A-Z0-9]{1,4}[0-9][A-Z0-9]{0,2}(?:\\.[A-Z0-9]{1,4})?\\b");

    private final KeyCodeValidator codes;

    /** @param lookup the code books; null checks everything but the codes */
    public ScenarioValidator(CodeLookup lookup) {
        this.codes = lookup == null ? null : new KeyCodeValidator(lookup);
    }

    /**
     * Validates one scenario text. {@code fileName} (nullable) must then be {@code <id>.md}, as in the
     * scenario folder; uploads through the API and the form have none.
     */
    public Outcome validate(String fileName, String text) {
        List<String> reasons = new ArrayList<>();
        Scenario scenario = null;
        try {
            scenario = ScenarioParser.parse(fileName, text);
            if (fileName != null && !fileName.equals(scenario.id() + ".md")) {
                reasons.add("the file name should be " + scenario.id() + ".md (id and file name must match)");
            }
            reasons.addAll(ScenarioConsistencyChecks.problems(scenario));
            if (codes != null) {
                reasons.addAll(codes.problems(scenario));
            }
        } catch (ScenarioFormatException e) {
            reasons.addAll(e.reasons());
        } catch (RuntimeException e) {
            // Defensive: a parser bug on one odd text must not take the caller down.
            reasons.add("unexpected error: " + e);
        }
        if (reasons.isEmpty()) {
            return new Outcome(scenario, List.of());
        }
        Locator locator = new Locator(text);
        return new Outcome(null, reasons.stream().map(locator::locate).toList());
    }

    /** Finds the line and field of a problem in the text's front matter (a node index built once). */
    private static final class Locator {
        private final Map<String, Integer> lineByPath = new LinkedHashMap<>();
        private final Map<String, String> pathByValue = new LinkedHashMap<>();
        private final int noteLine;

        Locator(String text) {
            String safe = text == null ? "" : text;
            String[] lines = safe.split("\\R", -1);
            int close = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].equals("---")) {
                    close = i;
                    break;
                }
            }
            noteLine = close < 0 ? 1 : close + 2;
            if (close > 0 && safe.length() <= ScenarioParser.MAX_FILE_CHARS) {
                index(String.join("\n", java.util.Arrays.asList(lines).subList(1, close)));
            }
        }

        private void index(String yaml) {
            try {
                LoaderOptions options = new LoaderOptions();
                options.setMaxAliasesForCollections(10);
                Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
                if (root != null) {
                    walk(root, "");
                }
            } catch (YAMLException | ClassCastException e) {
                // Not YAML at all: the parser's own message carries the line.
            }
        }

        private void walk(Node node, String path) {
            if (node instanceof MappingNode map) {
                for (NodeTuple tuple : map.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                        lineByPath.putIfAbsent(child, key.getStartMark().getLine() + 2);
                        walk(tuple.getValueNode(), child);
                    }
                }
            } else if (node instanceof SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    String child = path + "[" + (i + 1) + "]";
                    lineByPath.putIfAbsent(
                            child, seq.getValue().get(i).getStartMark().getLine() + 2);
                    walk(seq.getValue().get(i), child);
                }
            } else if (node instanceof ScalarNode scalar) {
                pathByValue.putIfAbsent(scalar.getValue().strip().toUpperCase(java.util.Locale.ROOT), path);
            }
        }

        Error locate(String reason) {
            String message = reason;
            Integer line = null;
            Matcher prefix = LINE_PREFIX.matcher(reason);
            if (prefix.find()) {
                line = Integer.valueOf(prefix.group(1));
                message = reason.substring(prefix.end());
            }
            String field = fieldOf(message);
            if (field == null || field.equals("key")) {
                String byCode = fieldByCode(message);
                field = byCode != null ? byCode : field;
            }
            if (field == null && message.contains("note")) {
                field = "note";
            }
            if (line == null) {
                line = lineOf(field);
            }
            return new Error(line, field, message);
        }

        private String fieldOf(String message) {
            Matcher m = FIELD_PATH.matcher(message);
            if (!m.find()) {
                return null;
            }
            String path = m.group(1);
            String first = path.split("[.\\[]")[0];
            return ScenarioParser.isField(first) || message.startsWith("unknown field ") ? path : null;
        }

        /** Code-book problems name a code ("key procedure 99499 is not ..."): find the field holding it. */
        private String fieldByCode(String message) {
            Matcher m = CODE_TOKEN.matcher(message);
            while (m.find()) {
                String path = pathByValue.get(m.group());
                if (path != null && path.startsWith("key")) {
                    return path;
                }
            }
            return null;
        }

        /** The line of the field, else of its closest parent that is present, else of the note or line 1. */
        private Integer lineOf(String field) {
            if (field == null) {
                return 1;
            }
            if (field.equals("note")) {
                return noteLine;
            }
            String path = field;
            while (!path.isEmpty()) {
                Integer line = lineByPath.get(path);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
                path = cut < 0 ? "" : path.substring(0, cut);
            }
            return 1;
        }
    }
}
