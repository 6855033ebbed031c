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
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.EncoderWarnings;

/**
 * The claim-line "code cart": diagnoses in reporting order (move with arrows), procedure lines with
 * modifiers, units and diagnosis pointers, and the encoder warnings for each code. Every change is handed
 * to the change listener (the workspace autosaves it).
 */
public class CodeCart extends VerticalLayout {

    private final EncoderWarnings warnings;
    private final List<String> diagnoses = new ArrayList<>();
    private final List<CodingAnswer.Line> lines = new ArrayList<>();
    private final VerticalLayout dxList = new VerticalLayout();
    private final VerticalLayout lineList = new VerticalLayout();
    private Consumer<CodingAnswer> changeListener = a -> {};

    public CodeCart(EncoderWarnings warnings) {
        this.warnings = warnings;
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

    public void addDiagnosis(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty() || diagnoses.contains(c) || diagnoses.size() >= CodingAnswer.MAX_DIAGNOSES) {
            return;
        }
        diagnoses.add(c);
        changed();
    }

    public void addLine(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty() || lines.size() >= CodingAnswer.MAX_LINES) {
            return;
        }
        lines.add(new CodingAnswer.Line(c, List.of(), 1, diagnoses.isEmpty() ? List.of() : List.of(1)));
        changed();
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
            dxList.add(muted("No diagnoses yet. Add codes from the panel on the right."));
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
            HorizontalLayout row = new HorizontalLayout(number, codeLabel, up, down, remove);
            row.setAlignItems(Alignment.CENTER);
            row.addClassName("c2c-cart-row");
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
            mods.setWidth("9em");
            IntegerField units = new IntegerField("Units");
            units.setId("line-units-" + (i + 1));
            units.setMin(1);
            units.setValue(l.units());
            units.setWidth("6em");
            TextField ptrs = new TextField("Pointers");
            ptrs.setId("line-pointers-" + (i + 1));
            ptrs.setPlaceholder("1, 2");
            ptrs.setValue(
                    String.join(", ", l.pointers().stream().map(String::valueOf).toList()));
            ptrs.setWidth("7em");
            Runnable update = () -> updateLine(
                    index, splitModifiers(mods.getValue()), units.getValue(), parsePointers(ptrs.getValue()));
            mods.addValueChangeListener(e -> update.run());
            units.addValueChangeListener(e -> update.run());
            ptrs.addValueChangeListener(e -> update.run());
            Button remove = iconButton(VaadinIcon.CLOSE_SMALL, "Remove line " + l.code(), e -> removeLine(index));
            remove.setId("line-remove-" + (i + 1));
            HorizontalLayout row = new HorizontalLayout(codeLabel, mods, units, ptrs, remove);
            row.setAlignItems(Alignment.BASELINE);
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

    private static Span muted(String text) {
        Span s = new Span(text);
        s.addClassName("c2c-muted");
        return s;
    }
}
