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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.ScenarioForm;
import org.chart2claim.billing.BillingService;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.coding.ui.CodeCart;
import org.chart2claim.coding.ui.CodeSearchSlot;
import org.chart2claim.coding.ui.NoteView;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.LineResult;
import org.chart2claim.scenario.Scenario;
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
    private final BillingService billing;
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
    final Div payerCheck = new Div();
    final TextField changeNote = new TextField("What changed (for the version list)");
    final Span state = new Span();
    private final Map<String, TextArea> rationaleByKey = new LinkedHashMap<>();
    private final Map<String, String> rationaleText = new HashMap<>();
    private final List<MistakeRow> mistakeRows = new ArrayList<>();
    private CodeCart cart;
    private CodeSearchSlot searchSlot;
    private boolean loading;

    public ScenarioEditorView(
            AuthoringService authoring,
            ScenarioLibrary library,
            BillingService billing,
            AttemptService attempts,
            CurrentUser currentUser,
            CodeTools tools) {
        this.authoring = authoring;
        this.library = library;
        this.billing = billing;
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
        try {
            if (params.containsKey("draft")) {
                var draft = authoring.draft(Long.parseLong(params.get("draft").getFirst()), user);
                draftId = draft.getId();
                form = formOf(draft.getFileText());
                visibility.setValue(draft.getVisibility());
            } else if (params.containsKey("id")) {
                String id = params.get("id").getFirst();
                form = formOf(authoring.export(id, null, user, currentUser.roles()));
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
        H2 heading = new H2(form.get("id").isBlank() ? "New scenario" : "Scenario " + form.get("id"));
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
        add(section("Answer key", keyColumns));

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
        HorizontalLayout actions = new HorizontalLayout(changeNote, save, publish, check, previewAsStudent);
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        actions.addClassName("c2c-editor-actions");
        payerCheck.setId("payer-check");
        add(actions, payerCheck);
        loading = false;
        changed();
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
        return form.toText();
    }

    /** Validates with the loader's rules; each error goes next to its field, the rest into the list on top. */
    List<ScenarioValidator.Error> changed() {
        if (loading) {
            return List.of();
        }
        List<ScenarioValidator.Error> found =
                library.validator().validate(null, text()).errors();
        fields.values().forEach(f -> f.setInvalid(false));
        payer.setInvalid(false);
        rationaleByKey.values().forEach(a -> a.setInvalid(false));
        note.setInvalid(false);
        errors.removeAll();
        for (ScenarioValidator.Error e : found) {
            HasValidation target = target(e.field());
            if (target != null) {
                target.setInvalid(true);
                target.setErrorMessage(e.message());
            } else {
                errors.add(new ListItem((e.field() == null ? "" : e.field() + ": ") + e.message()));
            }
        }
        state.setText(
                found.isEmpty()
                        ? "Valid: ready to publish."
                        : found.size() + " problem" + (found.size() == 1 ? "" : "s") + " to fix before publishing.");
        return found;
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
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "key\\.(diagnoses|procedures)\\[(\\d+)]\\.rationale")
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

    long saveDraft(boolean tell) {
        draftId = authoring.saveDraft(draftId, text(), visibility.getValue(), currentUser.requireUsername());
        if (tell) {
            Notification.show("Draft saved.");
        }
        state.setText(state.getText().replaceAll(" \\(draft saved\\)$", "") + " (draft saved)");
        return draftId;
    }

    void publish() {
        if (!changed().isEmpty()) {
            Notification.show("Fix the problems shown first; nothing was published.");
            return;
        }
        long id = saveDraft(false);
        try {
            ScenarioLibrary.Published p = authoring.publishDraft(
                    id, changeNote.getValue(), currentUser.requireUsername(), currentUser.roles());
            draftId = null;
            Notification.show("Published " + p.id() + " version " + p.version() + ".");
            getUI().ifPresent(ui -> ui.navigate(ScenariosView.class));
        } catch (ScenarioLibrary.InvalidScenarioException e) {
            e.errors().forEach(err -> errors.add(new ListItem(err.toString())));
        } catch (AuthoringService.NotEditableException | AuthoringService.NotFoundException e) {
            errors.add(new ListItem(e.getMessage()));
        }
    }

    /** The key as a claim to the simulated payer (a ledger of its own): must be paid without denial. */
    void checkWithPayer() {
        payerCheck.removeAll();
        ScenarioValidator.Outcome outcome = library.validator().validate(null, text());
        if (!outcome.valid()) {
            payerCheck.add(new Paragraph("Fix the problems shown first: the payer check needs a valid scenario."));
            return;
        }
        Scenario s = outcome.scenario();
        ClaimResult result = billing.submitScenario(
                currentUser.requireUsername(),
                s,
                CodingAnswer.fromKey(s.key()),
                null,
                "scenario-check-" + LocalDate.now(),
                Disclosure.TEACHING);
        boolean paid = result.status() == ClaimStatus.PAID;
        Span verdict = new Span((paid ? "\u2713 Paid without denial" : "\u2717 Not paid cleanly: " + result.status())
                + " · billed " + result.billed() + " · paid " + result.paid() + " · patient "
                + result.patientResponsibility());
        verdict.setId("payer-verdict");
        verdict.getElement().getThemeList().add(paid ? "badge success" : "badge error");
        payerCheck.add(new H3("Remittance for the key"), verdict);
        UnorderedList lines = new UnorderedList();
        result.rejections().forEach(r -> lines.add(new ListItem("Rejected: " + r)));
        for (LineResult l : result.lines()) {
            StringBuilder sb = new StringBuilder("Line " + l.line() + " " + l.code());
            l.modifiers().forEach(m -> sb.append('-').append(m));
            sb.append(": billed ").append(l.billed()).append(", paid ").append(l.paid());
            for (Adjustment a : l.adjustments()) {
                sb.append(" · ")
                        .append(a.label())
                        .append(' ')
                        .append(a.amount())
                        .append(" (")
                        .append(a.explanation());
                sb.append(')');
            }
            lines.add(new ListItem(sb.toString()));
        }
        payerCheck.add(lines);
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
