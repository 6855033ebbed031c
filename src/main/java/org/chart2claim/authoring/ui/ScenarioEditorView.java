package org.chart2claim.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.LineDiff;
import org.chart2claim.authoring.PayerCheck;
import org.chart2claim.authoring.ScenarioForm;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.CodeCart;
import org.chart2claim.coding.ui.CodeSearchSlot;
import org.chart2claim.coding.ui.NoteView;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioValidator;
import org.chart2claim.scenario.ScenarioVisibility;
import org.chart2claim.standard.PayerIds;

/**
 * The scenario editor: metadata and encounter data as a form, the note in Markdown with a live preview rendered
 * exactly as the workspace renders it, the answer key built with the workspace's code search panel and cart
 * (diagnoses in order, lines with modifiers, units, pointers), a rationale per code and common mistakes. Every
 * change is validated by the scenario loader's own rules, each error shown next to its field. Save draft,
 * Publish (a new immutable version), Check with the payer (the key as a claim, with its remittance), Preview
 * as a student (the workspace on the draft, nothing saved).
 */
@Route("scenarios/edit")
@PageTitle("Scenario editor · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/coding.css")
@StyleSheet("css/authoring.css")
public class ScenarioEditorView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("id", "Id (kebab-case)"),
            Map.entry("title", "Title"),
            Map.entry("specialty", "Specialty"),
            Map.entry("difficulty", "Difficulty (1–3)"),
            Map.entry("tags", "Tags (comma separated)"),
            Map.entry("codeSetYear", "Code-set year"),
            Map.entry("setting", "Setting"),
            Map.entry("placeOfService", "Place of service"),
            Map.entry("dateOfService", "Date of service (YYYY-MM-DD)"),
            Map.entry("patient.name", "Patient name"),
            Map.entry("patient.dateOfBirth", "Date of birth"),
            Map.entry("patient.sex", "Sex (F/M/U)"),
            Map.entry("patient.address.line1", "Address"),
            Map.entry("patient.address.line2", "Address line 2"),
            Map.entry("patient.address.city", "City"),
            Map.entry("patient.address.state", "State"),
            Map.entry("patient.address.zip", "ZIP"),
            Map.entry("patient.memberId", "Member id"),
            Map.entry("payer.id", "Payer"),
            Map.entry("payer.plan", "Plan"),
            Map.entry("renderingProvider.name", "Rendering provider"),
            Map.entry("renderingProvider.npi", "Rendering NPI"),
            Map.entry("billingProvider.name", "Billing provider"),
            Map.entry("billingProvider.npi", "Billing NPI"),
            Map.entry("billingProvider.taxId", "Billing tax id"),
            Map.entry("referringProvider.name", "Referring provider"),
            Map.entry("referringProvider.npi", "Referring NPI"),
            Map.entry("priorAuthorization", "Prior authorization"),
            Map.entry("author", "Author (optional; then a review is required)"),
            Map.entry("review.by", "Reviewed by"),
            Map.entry("review.on", "Reviewed on"),
            Map.entry("review.notes", "Review notes"));

    private final AuthoringService authoring;
    private final ScenarioLibrary library;
    private final AttemptService attempts;
    private final CurrentUser currentUser;
    private final CodeTools tools;

    private ScenarioForm form = ScenarioForm.blank();
    private Long draftId;
    final Map<String, TextField> fields = new LinkedHashMap<>();
    final ComboBox<String> payer = new ComboBox<>("Payer");
    final Select<ScenarioVisibility> visibility = new Select<>();
    final TextArea note = new TextArea("Clinical note (Markdown)");
    final Div preview = new Div();
    final Div rationales = new Div();
    final Div mistakes = new Div();
    final UnorderedList errors = new UnorderedList();
    private List<ScenarioValidator.Error> demographic = List.of();
    final Div payerCheck = new Div();
    final TextField changeNote = new TextField("What changed (for the version list)");
    final TextField payerOverride = new TextField("Publish anyway because… (the payer denies the key)");
    final TextField optionalCodes =
            new TextField("Optional codes (accepted without credit or penalty; comma separated)");
    final Div alternatives = new Div();
    final Div versions = new Div();
    final Div versionDiff = new Div();
    final Span state = new Span();
    private final Map<String, TextArea> rationaleByKey = new LinkedHashMap<>();
    private final Map<String, String> rationaleText = new HashMap<>();
    private final List<MistakeRow> mistakeRows = new ArrayList<>();
    private final List<AlternativeRow> alternativeRows = new ArrayList<>();
    /** The published version shown read-only ({@code ?id=…&version=n}), or null when editing. */
    private Integer readOnlyVersion;

    private CodeCart cart;
    private CodeSearchSlot searchSlot;
    private boolean loading;

    public ScenarioEditorView(
            AuthoringService authoring,
            ScenarioLibrary library,
            AttemptService attempts,
            CurrentUser currentUser,
            CodeTools tools) {
        this.authoring = authoring;
        this.library = library;
        this.attempts = attempts;
        this.currentUser = currentUser;
        this.tools = tools;
        addClassName("page");
        addClassName("c2c-editor");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        String user = currentUser.requireUsername();
        draftId = null;
        form = ScenarioForm.blank();
        visibility.clear();
        rationaleText.clear();
        readOnlyVersion = null;
        try {
            if (params.containsKey("draft")) {
                var draft = authoring.draft(Long.parseLong(params.get("draft").getFirst()), user);
                draftId = draft.getId();
                form = formOf(draft.getFileText());
                visibility.setValue(draft.getVisibility());
            } else if (params.containsKey("id")) {
                String id = params.get("id").getFirst();
                if (params.containsKey("version")) {
                    readOnlyVersion = Integer.valueOf(params.get("version").getFirst());
                }
                form = formOf(authoring.export(id, readOnlyVersion, user, currentUser.roles()));
            } else if (params.containsKey("from")) {
                String from = params.get("from").getFirst();
                String newId = from.replaceAll("-copy(-\\d+)?$", "") + "-copy-" + (System.currentTimeMillis() % 100000);
                form = formOf(authoring.duplicateText(from, newId, user, currentUser.roles()));
                form.set("title", form.get("title") + " (copy)");
            }
        } catch (AuthoringService.NotFoundException | NumberFormatException e) {
            removeAll();
            add(new H2("Scenario not found"), new Paragraph("There is nothing with that id that you can edit."));
            return;
        }
        build();
    }

    /** Text that parses fills the form; otherwise the form starts blank and the errors say why. */
    private ScenarioForm formOf(String text) {
        ScenarioValidator.Outcome parsed = new ScenarioValidator(null).validate(null, text);
        return parsed.scenario() == null ? ScenarioForm.blank() : ScenarioForm.of(parsed.scenario());
    }

    private void build() {
        removeAll();
        loading = true;
        H2 heading = new H2(
                form.get("id").isBlank()
                        ? "New scenario"
                        : "Scenario " + form.get("id")
                                + (readOnlyVersion == null ? "" : " · version " + readOnlyVersion));
        state.setId("editor-state");
        state.addClassName("c2c-muted");
        errors.setId("editor-errors");
        errors.addClassName("c2c-editor-errors");
        add(heading, state, errors);

        FormLayout meta = new FormLayout();
        meta.setResponsiveSteps(
                new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("600px", 2),
                new FormLayout.ResponsiveStep("1000px", 3));
        fields.clear();
        for (String path : ScenarioForm.FIELDS) {
            if (path.equals("payer.id")) {
                payer.setItems(PayerIds.ALL.stream().sorted().toList());
                payer.setAllowCustomValue(false);
                payer.setValue(form.get(path).isBlank() ? null : form.get(path));
                payer.setId("field-payer.id");
                payer.addValueChangeListener(e -> changed());
                meta.add(payer);
                continue;
            }
            TextField f = new TextField(LABELS.get(path));
            f.setId("field-" + path);
            f.setValue(form.get(path));
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> changed());
            fields.put(path, f);
            meta.add(f);
        }
        visibility.setLabel("Visible to");
        visibility.setItems(ScenarioVisibility.values());
        visibility.setItemLabelGenerator(v -> v == ScenarioVisibility.COHORTS ? "My cohorts" : "Everybody");
        if (visibility.getValue() == null) {
            visibility.setValue(library.catalogueEntry(form.get("id"))
                    .map(ScenarioLibrary.Catalogue::visibility)
                    .orElse(ScenarioVisibility.COHORTS));
        }
        meta.add(visibility);
        add(section("Scenario and encounter", meta));

        note.setId("editor-note");
        note.setValue(form.note());
        note.setValueChangeMode(ValueChangeMode.LAZY);
        note.setWidthFull();
        note.setMinHeight("16em");
        note.addValueChangeListener(e -> {
            renderPreview();
            changed();
        });
        preview.setId("note-preview");
        preview.addClassName("c2c-note");
        renderPreview();
        Div noteColumns = new Div(note, new Div(new Span("Preview, as the student sees it"), preview));
        noteColumns.addClassName("c2c-editor-note");
        add(section("Note", noteColumns));

        searchSlot = tools.searchSlot();
        cart = tools.cart();
        form.diagnoses().forEach(d -> rationaleText.put("dx:" + d.code(), d.rationale()));
        List<String> codes =
                form.procedures().stream().map(ScenarioForm.Line::code).toList();
        for (int i = 0; i < codes.size(); i++) {
            rationaleText.put(lineKey(codes, i), form.procedures().get(i).rationale());
        }
        cart.setAnswer(new CodingAnswer(
                form.diagnoses().stream().map(ScenarioForm.Diagnosis::code).toList(),
                form.procedures().stream()
                        .map(l -> new CodingAnswer.Line(l.code(), l.modifiers(), l.units(), l.pointers()))
                        .toList()));
        cart.onChange(a -> {
            renderRationales();
            changed();
        });
        searchSlot.onPick(p -> CodeTools.add(cart, p));
        rationales.setId("editor-rationales");
        renderRationales();
        Div keyColumns = new Div(new Div(searchSlot.component()), new Div(cart, rationales));
        keyColumns.addClassName("c2c-editor-key");
        optionalCodes.setId("field-key.optionalCodes");
        optionalCodes.setWidthFull();
        optionalCodes.setHelperText(
                "e.g. place, activity and status external-cause codes (Y92, Y93, Y99) payers do" + " not require");
        optionalCodes.setValue(form.optionalCodes());
        optionalCodes.setValueChangeMode(ValueChangeMode.LAZY);
        optionalCodes.addValueChangeListener(e -> changed());
        add(section("Answer key", keyColumns, optionalCodes));

        alternatives.setId("editor-alternatives");
        alternativeRows.clear();
        alternatives.removeAll();
        form.alternatives().forEach(this::addAlternativeRow);
        Button addAlternative = new Button("Add an accepted alternative form", e -> {
            addAlternativeRow(
                    new ScenarioForm.Alternative("", List.of(new ScenarioForm.AlternativeLine("", "", "1", "1", ""))));
            changed();
        });
        addAlternative.setId("add-alternative");
        Paragraph altHelp = new Paragraph("Where coding rules allow two forms of the same claim lines (e.g. 94640 +"
                + " 94640-76, or 94640 × 2), list the other form here: the grader gives full credit for either.");
        altHelp.addClassName("c2c-muted");
        add(section("Accepted alternative claim lines", altHelp, alternatives, addAlternative));

        mistakes.setId("editor-mistakes");
        mistakeRows.clear();
        form.mistakes().forEach(this::addMistakeRow);
        Button addMistake = new Button("Add a common mistake", e -> {
            addMistakeRow(new ScenarioForm.Mistake("", "", false));
            changed();
        });
        add(section("Common mistakes", mistakes, addMistake));

        Button save = new Button("Save draft", e -> saveDraft(true));
        save.setId("save-draft");
        Button publish = new Button("Publish", e -> publish());
        publish.setId("publish-scenario");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button check = new Button("Check with the payer", e -> checkWithPayer());
        check.setId("check-with-payer");
        Button previewAsStudent = new Button("Preview as a student", e -> {
            long id = saveDraft(false);
            getUI().ifPresent(ui ->
                    ui.navigate(ScenarioPreviewView.class, QueryParameters.of("draft", String.valueOf(id))));
        });
        previewAsStudent.setId("preview-as-student");
        changeNote.setId("change-note");
        changeNote.setWidth("24em");
        changeNote.setMaxWidth("100%");
        payerOverride.setId("payer-override");
        payerOverride.setWidth("24em");
        payerOverride.setMaxWidth("100%");
        payerOverride.setHelperText("Recorded with the version, e.g. \"teaches the CO-97 bundling denial\"");
        payerOverride.setVisible(false);
        HorizontalLayout actions =
                new HorizontalLayout(changeNote, payerOverride, save, publish, check, previewAsStudent);
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        actions.addClassName("c2c-editor-actions");
        payerCheck.setId("payer-check");
        add(actions, payerCheck);
        versions.setId("editor-versions");
        versionDiff.setId("version-diff");
        renderVersions();
        loading = false;
        changed();
        if (readOnlyVersion != null) {
            makeReadOnly(actions);
        }
    }

    /** An old version is shown, not edited: every field read-only, no key search, no publishing. */
    private void makeReadOnly(HorizontalLayout actions) {
        fields.values().forEach(f -> f.setReadOnly(true));
        payer.setReadOnly(true);
        visibility.setReadOnly(true);
        note.setReadOnly(true);
        optionalCodes.setReadOnly(true);
        rationaleByKey.values().forEach(a -> a.setReadOnly(true));
        mistakeRows.forEach(MistakeRow::readOnly);
        alternativeRows.forEach(AlternativeRow::readOnly);
        searchSlot.component().setVisible(false);
        cart.setEnabled(false);
        getChildren()
                .filter(c -> c instanceof Div)
                .flatMap(Component::getChildren)
                .filter(c -> c instanceof Button)
                .forEach(c -> c.setVisible(false));
        actions.removeAll();
        Button editCurrent = new Button(
                "Edit the current version",
                e -> getUI().ifPresent(
                                ui -> ui.navigate(ScenarioEditorView.class, QueryParameters.of("id", form.get("id")))));
        editCurrent.setId("edit-current");
        actions.add(editCurrent);
        state.setText("Version " + readOnlyVersion + ", read-only: published versions never change.");
    }

    /** The published versions of this scenario, newest first, with the changes between each and the one before. */
    private void renderVersions() {
        versions.removeAll();
        versionDiff.removeAll();
        String id = form.get("id");
        String user = currentUser.requireUsername();
        if (id.isBlank() || !authoring.mayRead(id, user, currentUser.roles())) {
            return;
        }
        List<AuthoringService.Version> list = authoring.versions(id, user, currentUser.roles());
        if (list.isEmpty()) {
            return;
        }
        for (AuthoringService.Version v : list) {
            Div card = new Div();
            card.addClassName("c2c-version");
            card.setId("version-" + v.version());
            Span title = new Span("Version " + v.version());
            title.addClassName("c2c-version-number");
            Span status =
                    new Span(v.status().name().toLowerCase(java.util.Locale.ROOT) + (v.current() ? ", current" : ""));
            status.getElement()
                    .getThemeList()
                    .add(
                            v.status() == AuthoringService.Status.RETIRED
                                    ? "badge contrast"
                                    : v.current() ? "badge success" : "badge");
            Span facts = new Span(DisplayDates.dateTime(v.publishedAt()) + " · " + v.publishedBy() + " · "
                    + v.attempts() + (v.attempts() == 1 ? " attempt" : " attempts"));
            facts.addClassName("c2c-muted");
            card.add(new Div(title, status), facts);
            if (v.changeNote() != null && !v.changeNote().isBlank()) {
                card.add(new Paragraph(v.changeNote()));
            }
            if (v.payerCheck() != null) {
                Paragraph payerLine = new Paragraph("Payer check: " + v.payerCheck()
                        + (v.payerOverride() == null ? "" : " — published anyway: " + v.payerOverride()));
                payerLine.addClassName("c2c-muted");
                card.add(payerLine);
            }
            HorizontalLayout buttons = new HorizontalLayout();
            buttons.setWrap(true);
            if (readOnlyVersion == null || readOnlyVersion != v.version()) {
                Button open = new Button(
                        "Open read-only",
                        e -> getUI().ifPresent(ui -> ui.navigate(
                                ScenarioEditorView.class,
                                QueryParameters.simple(Map.of("id", id, "version", String.valueOf(v.version()))))));
                open.setId("open-version-" + v.version());
                open.addThemeVariants(ButtonVariant.LUMO_SMALL);
                buttons.add(open);
            }
            if (v.version() > 1) {
                Button diff = new Button("Changes from version " + (v.version() - 1), e -> showDiff(id, v.version()));
                diff.setId("diff-version-" + v.version());
                diff.addThemeVariants(ButtonVariant.LUMO_SMALL);
                buttons.add(diff);
            }
            card.add(buttons);
            versions.add(card);
        }
        add(section("Versions", versions, versionDiff));
    }

    /** The file lines removed and added from the version before {@code version} to it. */
    void showDiff(String id, int version) {
        versionDiff.removeAll();
        String user = currentUser.requireUsername();
        List<LineDiff.Change> changes = LineDiff.between(
                authoring.export(id, version - 1, user, currentUser.roles()),
                authoring.export(id, version, user, currentUser.roles()));
        versionDiff.add(new H3("Changes from version " + (version - 1) + " to " + version));
        if (changes.isEmpty()) {
            versionDiff.add(new Paragraph("No change in the file."));
            return;
        }
        Div lines = new Div();
        lines.addClassName("c2c-diff");
        for (LineDiff.Change c : changes) {
            Div line = new Div(new Span(c.toString()));
            line.addClassName(c.added() ? "c2c-diff-added" : "c2c-diff-removed");
            lines.add(line);
        }
        versionDiff.add(lines);
    }

    private static Div section(String title, Component... content) {
        Div d = new Div(new H3(title));
        d.add(content);
        d.addClassName("c2c-editor-section");
        return d;
    }

    private void renderPreview() {
        preview.removeAll();
        preview.add(NoteView.rendered(note.getValue()));
    }

    /** One rationale field per key code, keeping what was typed when codes move. */
    private void renderRationales() {
        rationaleByKey.forEach((k, area) -> rationaleText.put(k, area.getValue()));
        rationaleByKey.clear();
        rationales.removeAll();
        CodingAnswer answer = cart.answer();
        for (int i = 0; i < answer.diagnoses().size(); i++) {
            String code = answer.diagnoses().get(i);
            addRationale(
                    "dx:" + code, "Rationale for diagnosis " + (i + 1) + " " + code, "key.diagnoses[" + (i + 1) + "]");
        }
        List<String> codes =
                answer.procedures().stream().map(CodingAnswer.Line::code).toList();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            addRationale(
                    lineKey(codes, i), "Rationale for line " + (i + 1) + " " + code, "key.procedures[" + (i + 1) + "]");
        }
    }

    /** A line's rationale follows its code when lines move: "line:99213#1" is the first 99213 line. */
    static String lineKey(List<String> codes, int index) {
        String code = codes.get(index);
        long nth = codes.subList(0, index + 1).stream().filter(code::equals).count();
        return "line:" + code + "#" + nth;
    }

    private void addRationale(String key, String label, String path) {
        TextArea area = new TextArea(label);
        area.setId("rationale-" + path);
        area.setWidthFull();
        area.setValue(rationaleText.getOrDefault(key, ""));
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.addValueChangeListener(e -> changed());
        rationaleByKey.put(key, area);
        rationales.add(area);
    }

    private void addMistakeRow(ScenarioForm.Mistake m) {
        MistakeRow row = new MistakeRow(m);
        mistakeRows.add(row);
        mistakes.add(row);
    }

    /** One common mistake: the wrong answer, why it is wrong, and whether the code does not exist on purpose. */
    final class MistakeRow extends HorizontalLayout {
        final TextField answer = new TextField("Wrong answer");
        final TextField why = new TextField("Why it is wrong");
        final Checkbox invalid = new Checkbox("Not a real code (on purpose)");

        MistakeRow(ScenarioForm.Mistake m) {
            answer.setValue(m.answer());
            why.setValue(m.why());
            why.setWidthFull();
            invalid.setValue(m.invalid());
            answer.setValueChangeMode(ValueChangeMode.LAZY);
            why.setValueChangeMode(ValueChangeMode.LAZY);
            answer.addValueChangeListener(e -> changed());
            why.addValueChangeListener(e -> changed());
            invalid.addValueChangeListener(e -> changed());
            Button remove = new Button("Remove", e -> {
                mistakeRows.remove(this);
                mistakes.remove(this);
                changed();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            setWidthFull();
            setWrap(true);
            setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(answer, why, invalid, remove);
        }

        ScenarioForm.Mistake value() {
            return new ScenarioForm.Mistake(answer.getValue(), why.getValue(), invalid.getValue());
        }

        void readOnly() {
            answer.setReadOnly(true);
            why.setReadOnly(true);
            invalid.setReadOnly(true);
            getChildren().filter(c -> c instanceof Button).forEach(c -> c.setVisible(false));
        }
    }

    private void addAlternativeRow(ScenarioForm.Alternative a) {
        AlternativeRow row = new AlternativeRow(a);
        alternativeRows.add(row);
        alternatives.add(row);
    }

    /**
     * One accepted alternative form: why it is accepted and its claim lines (code, modifiers, units, pointers,
     * rationale), each field named by its path in the file so the validator's errors land on it.
     */
    final class AlternativeRow extends Div {
        final TextField why = new TextField("Why this form is accepted too");
        final List<AlternativeLineRow> lines = new ArrayList<>();
        private final Div lineBox = new Div();

        AlternativeRow(ScenarioForm.Alternative a) {
            addClassName("c2c-alternative");
            why.setValue(a.why());
            why.setWidthFull();
            why.setValueChangeMode(ValueChangeMode.LAZY);
            why.addValueChangeListener(e -> changed());
            a.lines().forEach(this::addLine);
            Button addLine = new Button("Add a line", e -> {
                addLine(new ScenarioForm.AlternativeLine("", "", "1", "1", ""));
                changed();
            });
            addLine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button("Remove this form", e -> {
                alternativeRows.remove(this);
                alternatives.remove(this);
                changed();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(why, lineBox, new HorizontalLayout(addLine, remove));
        }

        private void addLine(ScenarioForm.AlternativeLine l) {
            AlternativeLineRow row = new AlternativeLineRow(l);
            lines.add(row);
            lineBox.add(row);
        }

        ScenarioForm.Alternative value() {
            return new ScenarioForm.Alternative(
                    why.getValue(),
                    lines.stream().map(AlternativeLineRow::value).toList());
        }

        /** Ids from the row's place: {@code field-key.alternatives[1].why}, {@code …procedures[2].units}. */
        void number(int index) {
            String path = "key.alternatives[" + index + "]";
            why.setId("field-" + path + ".why");
            for (int i = 0; i < lines.size(); i++) {
                lines.get(i).number(path + ".procedures[" + (i + 1) + "]");
            }
        }

        void readOnly() {
            why.setReadOnly(true);
            lines.forEach(AlternativeLineRow::readOnly);
            getChildren().filter(c -> c instanceof HorizontalLayout).forEach(c -> c.setVisible(false));
        }

        /**
         * One line as a grid (authoring.css): the five fields in a row on a wide screen; on a phone code and
         * modifiers, units and pointers two by two, the rationale and "Remove" each across the width.
         */
        final class AlternativeLineRow extends Div {
            final TextField code = new TextField("Code");
            final TextField modifiers = new TextField("Modifiers");
            final TextField units = new TextField("Units");
            final TextField pointers = new TextField("Pointers");
            final TextField rationale = new TextField("Rationale");
            final Button remove = new Button("Remove");

            AlternativeLineRow(ScenarioForm.AlternativeLine l) {
                code.setValue(l.code());
                modifiers.setValue(l.modifiers());
                units.setValue(l.units());
                pointers.setValue(l.pointers());
                rationale.setValue(l.rationale());
                addClassName("c2c-alternative-line");
                rationale.addClassName("c2c-alternative-rationale");
                for (TextField f : List.of(code, modifiers, units, pointers, rationale)) {
                    f.setValueChangeMode(ValueChangeMode.LAZY);
                    f.addValueChangeListener(e -> changed());
                }
                remove.addClickListener(e -> {
                    lines.remove(this);
                    lineBox.remove(this);
                    changed();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                add(code, modifiers, units, pointers, rationale, remove);
            }

            ScenarioForm.AlternativeLine value() {
                return new ScenarioForm.AlternativeLine(
                        code.getValue(),
                        modifiers.getValue(),
                        units.getValue(),
                        pointers.getValue(),
                        rationale.getValue());
            }

            void number(String path) {
                code.setId("field-" + path + ".code");
                modifiers.setId("field-" + path + ".modifiers");
                units.setId("field-" + path + ".units");
                pointers.setId("field-" + path + ".pointers");
                rationale.setId("field-" + path + ".rationale");
            }

            void readOnly() {
                List.of(code, modifiers, units, pointers, rationale).forEach(f -> f.setReadOnly(true));
                remove.setVisible(false);
            }
        }
    }

    /** The form as the file it writes. */
    String text() {
        fields.forEach((path, f) -> form.set(path, f.getValue()));
        form.set("payer.id", payer.getValue());
        form.setNote(note.getValue());
        CodingAnswer answer = cart.answer();
        List<ScenarioForm.Diagnosis> dx = new ArrayList<>();
        for (String code : answer.diagnoses()) {
            TextArea area = rationaleByKey.get("dx:" + code);
            dx.add(new ScenarioForm.Diagnosis(code, area == null ? "" : area.getValue()));
        }
        List<ScenarioForm.Line> lines = new ArrayList<>();
        List<String> codes =
                answer.procedures().stream().map(CodingAnswer.Line::code).toList();
        for (int i = 0; i < answer.procedures().size(); i++) {
            CodingAnswer.Line l = answer.procedures().get(i);
            TextArea area = rationaleByKey.get(lineKey(codes, i));
            lines.add(new ScenarioForm.Line(
                    l.code(),
                    l.modifiers(),
                    l.units() == null ? 1 : l.units(),
                    l.pointers(),
                    area == null ? "" : area.getValue()));
        }
        form.setKey(dx, lines);
        form.setMistakes(mistakeRows.stream()
                .map(MistakeRow::value)
                .filter(m -> !m.answer().isBlank() || !m.why().isBlank())
                .toList());
        form.setOptionalCodes(optionalCodes.getValue());
        form.setAlternatives(alternativeRows.stream().map(AlternativeRow::value).toList());
        return form.toText();
    }

    /** Validates with the loader's rules; each error goes next to its field, the rest into the list on top. */
    List<ScenarioValidator.Error> changed() {
        if (loading) {
            return List.of();
        }
        ScenarioValidator.Outcome outcome = library.validator().validate(null, text());
        List<ScenarioValidator.Error> found = new ArrayList<>(outcome.errors());
        // codes against the patient's sex and age: the payer's table, before anyone asks the payer
        demographic = outcome.scenario() == null ? List.of() : authoring.demographicConflicts(outcome.scenario());
        found.addAll(demographic);
        if (outcome.scenario() != null) {
            // publishing enrols the patient: another person's member id is refused, even with an override
            found.addAll(authoring.memberConflicts(outcome.scenario()));
        }
        fields.values().forEach(f -> f.setInvalid(false));
        payer.setInvalid(false);
        rationaleByKey.values().forEach(a -> a.setInvalid(false));
        note.setInvalid(false);
        optionalCodes.setInvalid(false);
        for (int i = 0; i < alternativeRows.size(); i++) {
            alternativeRows.get(i).number(i + 1);
        }
        alternativeFields().forEach(f -> f.setInvalid(false));
        errors.removeAll();
        found.forEach(this::showError);
        state.setText(
                found.isEmpty()
                        ? "Valid: ready to publish."
                        : found.size() + " problem" + (found.size() == 1 ? "" : "s") + " to fix before publishing.");
        return found;
    }

    /** An error next to the field it names, else in the list above the form. */
    private void showError(ScenarioValidator.Error e) {
        HasValidation target = target(e.field());
        if (target != null) {
            target.setInvalid(true);
            target.setErrorMessage(e.message());
        } else {
            errors.add(new ListItem((e.field() == null ? "" : e.field() + ": ") + e.message()));
        }
    }

    private HasValidation target(String field) {
        if (field == null) {
            return null;
        }
        if (field.equals("note")) {
            return note;
        }
        if (field.equals("payer.id")) {
            return payer;
        }
        if (fields.containsKey(field)) {
            return fields.get(field);
        }
        if (field.startsWith("key.optionalCodes")) {
            return optionalCodes;
        }
        if (field.startsWith("key.alternatives")) {
            return alternativeTarget(field);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "key\\.(diagnoses|procedures)\\[(\\d+)]\\.(?:rationale|code)")
                .matcher(field);
        if (m.matches()) {
            String prefix = m.group(1).equals("diagnoses") ? "rationale-key.diagnoses[" : "rationale-key.procedures[";
            return rationaleByKey.values().stream()
                    .filter(a -> a.getId().orElse("").equals(prefix + m.group(2) + "]"))
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    private java.util.stream.Stream<TextField> alternativeFields() {
        return alternativeRows.stream()
                .flatMap(r -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(r.why),
                        r.lines.stream()
                                .flatMap(l -> java.util.stream.Stream.of(
                                        l.code, l.modifiers, l.units, l.pointers, l.rationale))));
    }

    /**
     * The field of an alternative an error names: {@code key.alternatives[1].procedures[2].units} is that line's
     * units; a line without a sub-field is its code; the alternative itself (or its empty line list) its "why".
     */
    private HasValidation alternativeTarget(String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "key\\.alternatives\\[(\\d+)](?:\\.procedures(?:\\[(\\d+)](?:\\.(\\w+))?)?)?.*")
                .matcher(field);
        if (!m.matches()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1)) - 1;
        if (a < 0 || a >= alternativeRows.size()) {
            return null;
        }
        AlternativeRow row = alternativeRows.get(a);
        if (m.group(2) == null) {
            return row.why;
        }
        int l = Integer.parseInt(m.group(2)) - 1;
        if (l < 0 || l >= row.lines.size()) {
            return row.why;
        }
        AlternativeRow.AlternativeLineRow line = row.lines.get(l);
        return switch (m.group(3) == null ? "code" : m.group(3)) {
            case "modifiers" -> line.modifiers;
            case "units" -> line.units;
            case "pointers" -> line.pointers;
            case "rationale" -> line.rationale;
            default -> line.code;
        };
    }

    long saveDraft(boolean tell) {
        draftId = authoring.saveDraft(draftId, text(), visibility.getValue(), currentUser.requireUsername());
        if (tell) {
            Notification.show("Draft saved.");
        }
        state.setText(state.getText().replaceAll(" \\(draft saved\\)$", "") + " (draft saved)");
        return draftId;
    }

    void publish() {
        List<ScenarioValidator.Error> blocking = new ArrayList<>(changed());
        if (!payerOverride.getValue().isBlank()) {
            // a denial taught on purpose: the written reason that overrides the payer check covers these too
            blocking.removeAll(demographic);
        }
        if (!blocking.isEmpty()) {
            Notification.show("Fix the problems shown first; nothing was published.");
            return;
        }
        long id = saveDraft(false);
        try {
            ScenarioLibrary.Published p = authoring.publishDraft(
                    id,
                    changeNote.getValue(),
                    payerOverride.getValue(),
                    currentUser.requireUsername(),
                    currentUser.roles());
            draftId = null;
            Notification.show("Published " + p.id() + " version " + p.version() + ".");
            getUI().ifPresent(ui -> ui.navigate(ScenariosView.class));
        } catch (AuthoringService.PayerDeniedException e) {
            showPayerCheck(e.check());
            payerOverride.setVisible(true);
            payerOverride.setInvalid(true);
            payerOverride.setErrorMessage("The payer denies the key: fix the key, or say why to publish it anyway.");
            Notification.show("Not published: the simulated payer does not pay the key without denial.");
        } catch (ScenarioLibrary.InvalidScenarioException e) {
            e.errors().forEach(this::showError);
        } catch (AuthoringService.NotEditableException | AuthoringService.NotFoundException e) {
            errors.add(new ListItem(e.getMessage()));
        }
    }

    /**
     * The key as a claim to the simulated payer (nothing stored): publishing needs it paid without denial, or a
     * reason to publish it anyway.
     */
    void checkWithPayer() {
        payerCheck.removeAll();
        ScenarioValidator.Outcome outcome = library.validator().validate(null, text());
        if (!outcome.valid()) {
            payerCheck.add(new Paragraph("Fix the problems shown first: the payer check needs a valid scenario."));
            return;
        }
        PayerCheck check = authoring.checkWithPayer(outcome.scenario());
        showPayerCheck(check);
        payerOverride.setVisible(!check.clean() || !payerOverride.getValue().isBlank());
    }

    private void showPayerCheck(PayerCheck check) {
        payerCheck.removeAll();
        Span verdict = new Span((check.clean() ? "\u2713 " : "\u2717 ") + check.summary());
        verdict.setId("payer-verdict");
        verdict.getElement().getThemeList().add(check.clean() ? "badge success" : "badge error");
        payerCheck.add(new H3("Remittance for the key"), verdict);
        if (!check.clean()) {
            payerCheck.add(new Paragraph("Publishing needs the key paid without denial: fix the key, or say why it is"
                    + " published anyway (e.g. the scenario teaches this denial); the reason is recorded with the"
                    + " version."));
        }
        UnorderedList lines = new UnorderedList();
        check.remittance().forEach(l -> lines.add(new ListItem(l)));
        payerCheck.add(lines);
        // A code the payer denies for the patient's sex or age: the error goes next to that field too.
        check.fieldErrors().forEach((field, message) -> {
            HasValidation target = target(field);
            if (target != null) {
                target.setInvalid(true);
                target.setErrorMessage(message);
            }
        });
    }

    /** For tests. */
    CodeCart cart() {
        return cart;
    }

    Map<String, TextArea> rationaleAreas() {
        return rationaleByKey;
    }

    List<MistakeRow> mistakeRows() {
        return mistakeRows;
    }
}
