package org.chart2claim.coding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;

/**
 * The code-search slot's stand-in: enter a code by number, see its title from the active code books, add it
 * to the cart. Highlighted note text lands in the "looked-up term" line so the learner can take it to the
 * full code search page.
 */
public class CodeNumberEntry implements CodeSearchSlot {

    private final VerticalLayout layout = new VerticalLayout();
    private final TextField code = new TextField("Code");
    private final Div title = new Div();
    private final Paragraph term = new Paragraph();
    private Consumer<Pick> listener = p -> {};

    public CodeNumberEntry(CodeLookup lookup) {
        layout.addClassName("c2c-search-slot");
        layout.setPadding(false);
        code.setId("code-entry");
        code.setPlaceholder("e.g. E11.40, 99213, J3301");
        code.setValueChangeMode(ValueChangeMode.EAGER);
        code.setClearButtonVisible(true);
        title.addClassName("c2c-code-title");
        code.addValueChangeListener(e -> title.setText(describe(lookup, e.getValue())));
        Button addDx = new Button("Add diagnosis", e -> pick(CodeSystem.ICD10CM));
        addDx.setId("add-diagnosis");
        addDx.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button addPx = new Button("Add procedure line", e -> pick(null));
        addPx.setId("add-procedure");
        code.addKeyPressListener(
                com.vaadin.flow.component.Key.ENTER,
                e -> pick(looksLikeDiagnosis(code.getValue()) ? CodeSystem.ICD10CM : null));
        term.addClassName("c2c-muted");
        layout.add(new H3("Add codes"), code, title, new HorizontalLayout(addDx, addPx), term);
    }

    private static boolean looksLikeDiagnosis(String value) {
        return value != null && value.contains(".");
    }

    private static String describe(CodeLookup lookup, String value) {
        String c = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty() || lookup == null) {
            return "";
        }
        Optional<CodeInfo> info = Character.isDigit(c.charAt(0))
                ? lookup.find(CodeSystem.CPT, c)
                : lookup.find(CodeSystem.ICD10CM, c).or(() -> lookup.find(CodeSystem.HCPCS, c));
        return info.map(i -> i.code() + " — " + i.title() + (i.billable() ? "" : " (header, not billable)"))
                .orElse("Not found in the active code books");
    }

    private void pick(CodeSystem system) {
        String c = code.getValue() == null ? "" : code.getValue().trim().toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return;
        }
        listener.accept(new Pick(system == null ? CodeFormat.procedureSystem(c) : system, c));
        code.clear();
        code.focus();
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public void search(String text) {
        term.setText("Looked-up term from the note: \u201c" + text
                + "\u201d — search it on the Code search page, then enter the code here.");
    }

    @Override
    public void onPick(Consumer<Pick> listener) {
        this.listener = listener;
    }
}
