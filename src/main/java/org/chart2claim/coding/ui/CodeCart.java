package org.chart2claim.coding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.EncoderWarnings;

/**
 * The claim-line "code cart": diagnoses in reporting order (move with arrows), procedure lines with
 * modifiers, units and diagnosis pointers, and the encoder warnings for each code. Every change is handed
 * to the change listener (the workspace autosaves it).
 */
public class CodeCart extends VerticalLayout {

    private final EncoderWarnings warnings;
    private final Function<String, String> diagnosisTitle;
    private final Function<String, String> procedureTitle;
    private final List<String> diagnoses = new ArrayList<>();
    private final List<CodingAnswer.Line> lines = new ArrayList<>();
    private final VerticalLayout dxList = new VerticalLayout();
    private final VerticalLayout lineList = new VerticalLayout();
    private Consumer<CodingAnswer> changeListener = a -> {};

    public CodeCart(EncoderWarnings warnings) {
        this(warnings, code -> "", code -> "");
    }

    /**
     * @param diagnosisTitle the ICD-10-CM title of a code ("" when unknown), shown beside it
     * @param procedureTitle the CPT or HCPCS title of a line's code ("" when unknown)
     */
    public CodeCart(
            EncoderWarnings warnings,
            Function<String, String> diagnosisTitle,
            Function<String, String> procedureTitle) {
        this.warnings = warnings;
        this.diagnosisTitle = diagnosisTitle;
        this.procedureTitle = procedureTitle;
        addClassName("c2c-cart");
        setPadding(false);
        dxList.setPadding(false);
        dxList.setSpacing(false);
        lineList.setPadding(false);
        lineList.setSpacing(false);
        add(new H3("Diagnoses (in reporting order)"), dxList, new H3("Procedure lines"), lineList);
        render();
    }

    public void onChange(Consumer<CodingAnswer> listener) {
        this.changeListener = listener;
    }

    public CodingAnswer answer() {
        return new CodingAnswer(diagnoses, lines);
    }

    /** Replaces the cart's content (restoring a draft); does not fire the change listener. */
    public void setAnswer(CodingAnswer answer) {
        diagnoses.clear();
        diagnoses.addAll(answer.diagnoses());
        lines.clear();
        lines.addAll(answer.procedures());
        render();
    }

    /** Adds a diagnosis at the end; answers what happened, in words for the learner. */
    public String addDiagnosis(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return "No code to add.";
        }
        if (diagnoses.contains(c)) {
            return c + " is already diagnosis " + (diagnoses.indexOf(c) + 1) + ".";
        }
        if (diagnoses.size() >= CodingAnswer.MAX_DIAGNOSES) {
            return "A claim holds at most " + CodingAnswer.MAX_DIAGNOSES + " diagnoses; " + c + " was not added.";
        }
        diagnoses.add(c);
        changed();
        return "Added " + c + withTitle(diagnosisTitle.apply(c)) + " as diagnosis " + diagnoses.size() + ".";
    }

    /** Adds a procedure line (1 unit, pointing at the first diagnosis); answers what happened. */
    public String addLine(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return "No code to add.";
        }
        if (lines.size() >= CodingAnswer.MAX_LINES) {
            return "At most " + CodingAnswer.MAX_LINES + " lines; " + c + " was not added.";
        }
        lines.add(new CodingAnswer.Line(c, List.of(), 1, diagnoses.isEmpty() ? List.of() : List.of(1)));
        changed();
        return "Added " + c + withTitle(procedureTitle.apply(c)) + " as claim line " + lines.size() + ".";
    }

    private static String withTitle(String title) {
        return title == null || title.isBlank() ? "" : " (" + title + ")";
    }

    public void moveDiagnosis(int index, int delta) {
        int target = index + delta;
        if (index < 0 || index >= diagnoses.size() || target < 0 || target >= diagnoses.size()) {
            return;
        }
        String moved = diagnoses.remove(index);
        diagnoses.add(target, moved);
        // Pointers follow the diagnosis they pointed at, as in an encoder.
        int from = index + 1;
        int to = target + 1;
        for (int i = 0; i < lines.size(); i++) {
            CodingAnswer.Line l = lines.get(i);
            List<Integer> ptrs = l.pointers().stream()
                    .map(p -> p == from ? to : p == to ? from : p)
                    .toList();
            lines.set(i, new CodingAnswer.Line(l.code(), l.modifiers(), l.units(), ptrs));
        }
        changed();
    }

    public void removeDiagnosis(int index) {
        if (index < 0 || index >= diagnoses.size()) {
            return;
        }
        diagnoses.remove(index);
        int removed = index + 1;
        for (int i = 0; i < lines.size(); i++) {
            CodingAnswer.Line l = lines.get(i);
            List<Integer> ptrs = l.pointers().stream()
                    .filter(p -> p != removed)
                    .map(p -> p > removed ? p - 1 : p)
                    .toList();
            lines.set(i, new CodingAnswer.Line(l.code(), l.modifiers(), l.units(), ptrs));
        }
        changed();
    }

    public void updateLine(int index, List<String> modifiers, Integer units, List<Integer> pointers) {
        CodingAnswer.Line l = lines.get(index);
        lines.set(index, new CodingAnswer.Line(l.code(), modifiers, units, pointers));
        changeListener.accept(answer()); // no re-render: keeps focus in the field being edited
        renderWarnings();
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
            changed();
        }
    }

    private void changed() {
        render();
        changeListener.accept(answer());
    }

    private final List<Div> lineWarnings = new ArrayList<>();

    private void render() {
        dxList.removeAll();
        if (diagnoses.isEmpty()) {
            dxList.add(muted("No diagnoses yet. Add codes from the code search."));
        }
        for (int i = 0; i < diagnoses.size(); i++) {
            int index = i;
            String code = diagnoses.get(i);
            Span number = new Span(String.valueOf(i + 1));
            number.addClassName("c2c-pointer");
            Span codeLabel = new Span(code);
            codeLabel.addClassName("c2c-code");
            Button up = iconButton(VaadinIcon.ARROW_UP, "Move " + code + " up", e -> moveDiagnosis(index, -1));
            up.setId("dx-up-" + (i + 1));
            up.setEnabled(i > 0);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, "Move " + code + " down", e -> moveDiagnosis(index, 1));
            down.setId("dx-down-" + (i + 1));
            down.setEnabled(i < diagnoses.size() - 1);
            Button remove = iconButton(VaadinIcon.CLOSE_SMALL, "Remove " + code, e -> removeDiagnosis(index));
            remove.setId("dx-remove-" + (i + 1));
            HorizontalLayout row =
                    new HorizontalLayout(number, codeLabel, title(diagnosisTitle.apply(code)), up, down, remove);
            row.setAlignItems(Alignment.CENTER);
            row.addClassName("c2c-cart-row");
            row.addClassName("c2c-cart-dx");
            dxList.add(row);
            List<String> others = new ArrayList<>(diagnoses);
            for (String w : warnings.forDiagnosis(code, others)) {
                dxList.add(warning(w));
            }
        }
        lineList.removeAll();
        lineWarnings.clear();
        if (lines.isEmpty()) {
            lineList.add(muted("No procedure lines yet."));
        }
        for (int i = 0; i < lines.size(); i++) {
            int index = i;
            CodingAnswer.Line l = lines.get(i);
            Span codeLabel = new Span(l.code());
            codeLabel.addClassName("c2c-code");
            TextField mods = new TextField("Modifiers");
            mods.setId("line-modifiers-" + (i + 1));
            mods.setPlaceholder("e.g. 25, RT");
            mods.setValue(String.join(", ", l.modifiers()));
            mods.setWidth("7em");
            IntegerField units = new IntegerField("Units");
            units.setId("line-units-" + (i + 1));
            units.setMin(1);
            units.setValue(l.units());
            units.setWidth("4.5em");
            TextField ptrs = new TextField("Pointers");
            ptrs.setId("line-pointers-" + (i + 1));
            ptrs.setPlaceholder("1, 2");
            ptrs.setValue(
                    String.join(", ", l.pointers().stream().map(String::valueOf).toList()));
            ptrs.setWidth("5em");
            Runnable update = () -> updateLine(
                    index, splitModifiers(mods.getValue()), units.getValue(), parsePointers(ptrs.getValue()));
            mods.addValueChangeListener(e -> update.run());
            units.addValueChangeListener(e -> update.run());
            ptrs.addValueChangeListener(e -> update.run());
            Button remove = iconButton(VaadinIcon.CLOSE_SMALL, "Remove line " + l.code(), e -> removeLine(index));
            remove.setId("line-remove-" + (i + 1));
            HorizontalLayout head = new HorizontalLayout(codeLabel, title(procedureTitle.apply(l.code())), remove);
            head.setAlignItems(Alignment.CENTER);
            head.setWidthFull();
            head.addClassName("c2c-cart-line-head");
            HorizontalLayout fields = new HorizontalLayout(mods, units, ptrs);
            fields.setAlignItems(Alignment.BASELINE);
            fields.addClassName("c2c-cart-line-fields");
            VerticalLayout row = new VerticalLayout(head, fields);
            row.setPadding(false);
            row.setSpacing(false);
            row.addClassName("c2c-cart-row");
            Div lineWarning = new Div();
            lineWarnings.add(lineWarning);
            lineList.add(row, lineWarning);
        }
        renderWarnings();
    }

    private void renderWarnings() {
        for (int i = 0; i < lines.size() && i < lineWarnings.size(); i++) {
            Div box = lineWarnings.get(i);
            box.removeAll();
            CodingAnswer.Line l = lines.get(i);
            for (String w : warnings.forProcedure(l.code())) {
                box.add(warning(w));
            }
            for (Integer p : l.pointers()) {
                if (p < 1 || p > diagnoses.size()) {
                    box.add(warning("Pointer " + p + " does not point at a diagnosis (1–" + diagnoses.size() + ")."));
                }
            }
            if (l.pointers().isEmpty()) {
                box.add(warning("Every line needs at least one diagnosis pointer."));
            }
        }
    }

    static List<String> splitModifiers(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,\\s]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT))
                .limit(4)
                .toList();
    }

    static List<Integer> parsePointers(String text) {
        List<Integer> out = new ArrayList<>();
        for (String s : text == null ? new String[0] : text.split("[,\\s]+")) {
            try {
                if (!s.isBlank()) {
                    out.add(Integer.parseInt(s.trim()));
                }
            } catch (NumberFormatException e) {
                // A letter pointer (A–L, as on the CMS-1500) maps to its number.
                if (s.trim().length() == 1 && Character.isLetter(s.trim().charAt(0))) {
                    out.add(Character.toUpperCase(s.trim().charAt(0)) - 'A' + 1);
                }
            }
        }
        return out.stream().limit(4).toList();
    }

    private static Button iconButton(
            VaadinIcon icon,
            String label,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button b = new Button(icon.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        return b;
    }

    private static Div warning(String text) {
        Div d = new Div(VaadinIcon.WARNING.create(), new Span(" " + text));
        d.addClassName("c2c-warning");
        return d;
    }

    private static Span title(String text) {
        Span s = new Span(text == null ? "" : text);
        s.addClassName("c2c-cart-title");
        return s;
    }

    /** Number of diagnoses and lines, for the summary beside the Submit button. */
    public String summary() {
        return diagnoses.size() + (diagnoses.size() == 1 ? " diagnosis" : " diagnoses") + " · " + lines.size()
                + (lines.size() == 1 ? " claim line" : " claim lines");
    }

    /**
     * What is missing before a submission makes sense (empty when nothing is): no diagnosis, no claim line,
     * or lines without a diagnosis pointer.
     */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        if (diagnoses.isEmpty()) {
            gaps.add("no diagnosis");
        }
        if (lines.isEmpty()) {
            gaps.add("no claim line");
        }
        long unpointed = lines.stream().filter(l -> l.pointers().isEmpty()).count();
        if (unpointed > 0) {
            gaps.add(unpointed + (unpointed == 1 ? " line without" : " lines without") + " a diagnosis pointer");
        }
        return gaps;
    }

    private static Span muted(String text) {
        Span s = new Span(text);
        s.addClassName("c2c-muted");
        return s;
    }
}
