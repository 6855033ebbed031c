package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.ExamText;
import org.chart2claim.assessment.InvalidQuestionException;
import org.chart2claim.assessment.Question;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.QuestionFilter;
import org.chart2claim.assessment.QuestionForm;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowScreen;

/**
 * The question bank for instructors: the list with filters (domain, tag, status, words), the form to write a new
 * question or edit one (every save is a new immutable version, checked by the bank file rules with a message at each
 * field), a preview as a student sees it (no key, no rationale), the version list (open an old version in the
 * preview), retire / restore, and bank files out and in ({@link QuestionFilesPanel}). Students never reach this page (route and menu are for instructors and admins).
 */
@Menu(title = "Question bank", order = 21.5, icon = "vaadin:list-ol")
@Route("questions")
@PageTitle("Question bank · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/question-bank.css")
public class QuestionBankView extends VerticalLayout {

    private final QuestionBank bank;
    private final CurrentUser currentUser;

    // filters and list
    final Select<QuestionDomain> domainFilter = new Select<>();
    final ComboBox<String> tagFilter = new ComboBox<>("Tag");
    final Select<QuestionFilter.Status> statusFilter = new Select<>();
    final TextField search = new TextField("Search");
    final Grid<QuestionBank.Listed> grid = new Grid<>();
    final Span count = new Span();

    // the form
    final TextField id = new TextField("Id");
    final Select<QuestionDomain> domain = new Select<>();
    final IntegerField difficulty = new IntegerField("Difficulty (1–3)");
    final TextField tags = new TextField("Tags (comma-separated)");
    final TextArea stem = new TextArea("Stem");
    final Map<String, TextArea> options = new LinkedHashMap<>();
    final RadioButtonGroup<String> key = new RadioButtonGroup<>("Key (the one correct option)");
    final TextArea rationale = new TextArea("Rationale");
    final TextField author = new TextField("Author");
    final TextField reviewBy = new TextField("Reviewed by");
    final DatePicker reviewOn = new DatePicker("Review date");
    final TextField changeNote = new TextField("What changed (for the version list)");
    final Span errors = new Span();
    final H3 formTitle = new H3();
    final Button save = new Button("Save");
    final Button newQuestion = new Button("New question");
    final Button preview = new Button("Preview as a student");
    final Button retire = new Button("Retire");

    // bank files out and in
    final QuestionFilesPanel files;

    // preview and versions
    final Div previewBox = new Div();
    final Grid<QuestionBank.VersionInfo> versions = new Grid<>();

    /** The id being edited; null while writing a new question. */
    String editing;

    public QuestionBankView(QuestionBank bank, CurrentUser currentUser) {
        this.bank = bank;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Question bank"));
        Paragraph intro = new Paragraph("Multiple-choice questions for exams. Every save is a new version: exams and"
                + " answers keep the version they drew. The same rules as the bank files apply (codes must be in the"
                + " books, exactly one key).");
        intro.addClassName("c2c-muted");
        add(intro);
        files = new QuestionFilesPanel(bank, currentUser.requireUsername(), this::refresh);
        add(filters(), grid(), count, files);
        Div body = new Div(form(), side());
        body.addClassName("c2c-qbank-body");
        add(body);
        NarrowScreen.track(this, this::narrow);
        refresh();
        startNew();
    }

    private HorizontalLayout filters() {
        domainFilter.setLabel("Domain");
        domainFilter.setId("filter-domain");
        domainFilter.setItems(QuestionDomain.values());
        domainFilter.setEmptySelectionAllowed(true);
        domainFilter.setEmptySelectionCaption("All domains");
        domainFilter.setItemLabelGenerator(d -> d == null ? "All domains" : d.label());
        domainFilter.addValueChangeListener(e -> refresh());
        tagFilter.setId("filter-tag");
        tagFilter.setClearButtonVisible(true);
        tagFilter.addValueChangeListener(e -> refresh());
        statusFilter.setLabel("Status");
        statusFilter.setId("filter-status");
        statusFilter.setItems(QuestionFilter.Status.values());
        statusFilter.setItemLabelGenerator(QuestionFilter.Status::label);
        statusFilter.setValue(QuestionFilter.Status.ACTIVE);
        statusFilter.addValueChangeListener(e -> refresh());
        search.setId("filter-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        newQuestion.setId("new-question");
        newQuestion.addClickListener(e -> startNew());
        HorizontalLayout row = new HorizontalLayout(domainFilter, tagFilter, statusFilter, search, newQuestion);
        row.addClassName("c2c-qbank-filters");
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private Grid<QuestionBank.Listed> grid() {
        grid.setId("questions");
        grid.addColumn(l -> l.question().id()).setHeader("Id").setKey("id").setAutoWidth(true);
        grid.addColumn(l -> l.question().domain().label())
                .setHeader("Domain")
                .setKey("domain")
                .setWidth("12em")
                .setFlexGrow(0);
        grid.addColumn(l -> abbreviate(l.question().stem(), 90))
                .setHeader("Stem")
                .setKey("stem")
                .setFlexGrow(3);
        grid.addColumn(l -> String.join(", ", l.question().tags()))
                .setHeader("Tags")
                .setKey("tags")
                .setFlexGrow(1);
        grid.addColumn(l -> "v" + l.question().version() + (l.retired() ? " · retired" : ""))
                .setHeader("Version")
                .setKey("version")
                .setAutoWidth(true);
        grid.setHeight("16em");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(l -> edit(l.question())));
        return grid;
    }

    private VerticalLayout form() {
        formTitle.setId("question-form-title");
        id.setId("question-id");
        id.setHelperText("Lower-case letters, digits and hyphens, starting with the domain's prefix (icd-, em-, …)");
        domain.setLabel("Domain");
        domain.setId("question-domain");
        domain.setItems(QuestionDomain.values());
        domain.setItemLabelGenerator(d -> d.label() + " (" + d.idPrefix() + ")");
        difficulty.setId("question-difficulty");
        difficulty.setMin(1);
        difficulty.setMax(3);
        tags.setId("question-tags");
        stem.setId("question-stem");
        stem.setWidthFull();
        stem.setMinHeight("7em");
        FormLayout head = new FormLayout(id, domain, difficulty, tags);
        head.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        VerticalLayout box = new VerticalLayout(formTitle, head, stem);
        for (String letter : Question.LETTERS) {
            TextArea option = new TextArea("Option " + letter);
            option.setId("question-option-" + letter);
            option.setWidthFull();
            options.put(letter, option);
            box.add(option);
        }
        key.setId("question-key");
        key.setItems(Question.LETTERS);
        rationale.setId("question-rationale");
        rationale.setWidthFull();
        rationale.setMinHeight("6em");
        author.setId("question-author");
        reviewBy.setId("question-review-by");
        reviewOn.setId("question-review-on");
        FormLayout people = new FormLayout(author, reviewBy, reviewOn);
        people.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 3));
        changeNote.setId("question-change-note");
        changeNote.setWidthFull();
        changeNote.setMaxLength(1000);
        errors.setId("question-errors");
        errors.addClassName("c2c-qbank-errors");
        save.setId("save-question");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        preview.setId("preview-question");
        preview.addClickListener(e -> previewForm());
        retire.setId("retire-question");
        retire.addClickListener(e -> toggleRetired());
        HorizontalLayout actions = new HorizontalLayout(save, preview, retire);
        actions.getStyle().set("flex-wrap", "wrap");
        box.add(key, rationale, people, changeNote, errors, actions);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout side() {
        previewBox.setId("question-preview");
        previewBox.addClassName("c2c-qbank-preview");
        versions.setId("question-versions");
        versions.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true);
        versions.addColumn(v -> v.source() == org.chart2claim.assessment.QuestionVersionStore.Source.FILE
                        ? "shipped file"
                        : v.publishedBy())
                .setHeader("By")
                .setAutoWidth(true);
        versions.addColumn(v -> DisplayDates.dateTime(v.publishedAt()))
                .setHeader("When")
                .setAutoWidth(true);
        versions.addColumn(v -> v.changeNote() == null ? "" : v.changeNote())
                .setHeader("Note")
                .setFlexGrow(1);
        versions.setAllRowsVisible(true);
        versions.addSelectionListener(e -> e.getFirstSelectedItem()
                .flatMap(v -> bank.version(editing, v.version()))
                .ifPresent(this::showPreview));
        VerticalLayout side =
                new VerticalLayout(new H3("Preview as a student"), previewBox, new H3("Versions"), versions);
        side.setPadding(false);
        return side;
    }

    private void narrow(boolean narrow) {
        grid.getColumnByKey("domain").setVisible(!narrow);
        grid.getColumnByKey("tags").setVisible(!narrow);
    }

    private boolean refreshing;

    void refresh() {
        if (refreshing) {
            return; // refilling the tag choices fires the tag filter's listener
        }
        refreshing = true;
        try {
            list();
        } finally {
            refreshing = false;
        }
    }

    private void list() {
        QuestionFilter filter = new QuestionFilter(
                domainFilter.getValue(), tagFilter.getValue(), statusFilter.getValue(), search.getValue());
        List<QuestionBank.Listed> listed = filter.apply(bank.listed());
        grid.setItems(listed);
        String tag = tagFilter.getValue();
        tagFilter.setItems(bank.listed().stream()
                .flatMap(l -> l.question().tags().stream())
                .distinct()
                .sorted()
                .toList());
        if (tag != null) {
            tagFilter.setValue(tag);
        }
        count.setText(listed.size() + " of " + bank.listed().size() + " questions");
    }

    /** Empties the form for a new question. */
    void startNew() {
        editing = null;
        grid.deselectAll();
        formTitle.setText("New question");
        id.setReadOnly(false);
        domain.setReadOnly(false);
        id.clear();
        domain.setValue(domainFilter.getValue() != null ? domainFilter.getValue() : QuestionDomain.ICD_10_CM);
        difficulty.setValue(2);
        tags.clear();
        stem.clear();
        options.values().forEach(TextArea::clear);
        key.clear();
        rationale.clear();
        author.clear();
        reviewBy.clear();
        reviewOn.clear();
        changeNote.clear();
        save.setText("Create question");
        retire.setVisible(false);
        versions.setItems(List.of());
        clearErrors();
        previewBox.removeAll();
    }

    /** Fills the form with the current version of {@code q}. */
    void edit(Question q) {
        editing = q.id();
        QuestionForm f = QuestionForm.of(q);
        formTitle.setText("Edit " + q.id() + " (version " + q.version() + ")");
        id.setValue(f.id());
        id.setReadOnly(true);
        domain.setValue(f.domain());
        domain.setReadOnly(true);
        difficulty.setValue(f.difficulty());
        tags.setValue(f.tags());
        stem.setValue(f.stem());
        options.forEach((letter, field) -> field.setValue(f.options().getOrDefault(letter, "")));
        key.setValue(f.key());
        rationale.setValue(f.rationale());
        author.setValue(f.author() == null ? "" : f.author());
        reviewBy.setValue(f.reviewBy() == null ? "" : f.reviewBy());
        reviewOn.setValue(f.reviewOn());
        changeNote.clear();
        save.setText("Save as version " + (bank.versions(q.id()).size() + 1));
        retire.setVisible(true);
        retire.setText(bank.isRetired(q.id()) ? "Restore" : "Retire");
        versions.setItems(bank.versions(q.id()));
        clearErrors();
        showPreview(q);
    }

    QuestionForm formValue() {
        Map<String, String> values = new LinkedHashMap<>();
        options.forEach((letter, field) -> values.put(letter, field.getValue()));
        return new QuestionForm(
                id.getValue(),
                domain.getValue(),
                difficulty.getValue(),
                tags.getValue(),
                stem.getValue(),
                values,
                key.getValue(),
                rationale.getValue(),
                author.getValue(),
                reviewBy.getValue(),
                reviewOn.getValue());
    }

    void save() {
        clearErrors();
        try {
            QuestionBank.Published p =
                    bank.publish(formValue(), editing, currentUser.requireUsername(), changeNote.getValue());
            Notification n = Notification.show(
                    p.created()
                            ? p.id() + " saved as version " + p.version() + "."
                            : "Nothing changed: " + p.id() + " stays at version " + p.version() + ".");
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            bank.find(p.id()).ifPresent(this::edit);
        } catch (InvalidQuestionException e) {
            showErrors(e.errors());
        }
    }

    void previewForm() {
        clearErrors();
        QuestionBank.Checked checked = bank.check(formValue(), editing);
        if (!checked.valid()) {
            showErrors(checked.errors());
            return;
        }
        showPreview(checked.question());
    }

    /** What a student sees: the stem and the options, nothing of the key or the rationale. */
    void showPreview(Question q) {
        previewBox.removeAll();
        Span version = new Span(q.id() + " · version " + q.version());
        version.addClassName("c2c-muted");
        Div stemText = new Div();
        stemText.setText(ExamText.reflow(q.stem()));
        stemText.addClassName("c2c-qbank-stem");
        RadioButtonGroup<String> choices = new RadioButtonGroup<>();
        choices.setItems(Question.LETTERS);
        choices.setItemLabelGenerator(letter -> letter + ". " + q.options().get(letter));
        choices.addThemeName("vertical");
        previewBox.add(version, stemText, choices);
    }

    void toggleRetired() {
        if (editing == null) {
            return;
        }
        boolean retireIt = !bank.isRetired(editing);
        bank.setRetired(editing, retireIt);
        Notification.show(editing + (retireIt ? " is retired: new exams no longer draw it." : " is restored."));
        refresh();
        bank.find(editing).ifPresent(this::edit);
    }

    private void showErrors(Map<String, List<String>> byField) {
        StringBuilder general = new StringBuilder();
        byField.forEach((field, messages) -> {
            HasValidation target = fieldFor(field);
            String text = String.join("; ", messages);
            if (target == null) {
                general.append(text).append('\n');
            } else {
                target.setErrorMessage(text);
                target.setInvalid(true);
            }
        });
        int n = byField.values().stream().mapToInt(List::size).sum();
        errors.setText("Not saved: " + n + " problem" + (n == 1 ? "" : "s") + " (see the fields)."
                + (general.isEmpty() ? "" : "\n" + general.toString().strip()));
    }

    /** The form field a message is shown at (null: shown above the buttons). */
    HasValidation fieldFor(String field) {
        return switch (field) {
            case QuestionForm.ID -> id;
            case QuestionForm.DOMAIN -> domain;
            case QuestionForm.DIFFICULTY -> difficulty;
            case QuestionForm.TAGS -> tags;
            case QuestionForm.STEM -> stem;
            case QuestionForm.OPTIONS -> options.get("A");
            case QuestionForm.KEY -> key;
            case QuestionForm.RATIONALE -> rationale;
            case QuestionForm.AUTHOR -> author;
            case QuestionForm.REVIEW -> reviewBy;
            default -> options.get(field);
        };
    }

    private void clearErrors() {
        errors.setText("");
        List<HasValidation> fields = new java.util.ArrayList<>();
        fields.addAll(List.of(id, domain, difficulty, tags, stem, key, rationale, author, reviewBy));
        fields.addAll(options.values());
        for (HasValidation f : fields) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
    }

    private static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }
}
