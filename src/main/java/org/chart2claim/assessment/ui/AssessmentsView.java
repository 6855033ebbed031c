package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentSpec;
import org.chart2claim.assessment.Composition;
import org.chart2claim.assessment.ExamRecords.AssessmentRow;
import org.chart2claim.assessment.GradebookService;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.Question;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;

/**
 * The instructor's exams: the list (open one to proctor it) and the builder: fixed questions and scenarios, a
 * blueprint of counts per domain plus draws by question tag and of coding scenarios (by specialty, tag or any), or
 * the CPC practice preset; time limit, window, attempts, shuffle, open or closed
 * book, results release, one or two parts with a break, and the cohort it is assigned to.
 */
@Menu(title = "Assessments", order = 21, icon = "vaadin:clipboard-check")
@Route("assessments")
@PageTitle("Assessments · Chart2Claim")
@RolesAllowed("INSTRUCTOR")
@StyleSheet("css/assessment.css")
public class AssessmentsView extends VerticalLayout {

    static final String EVERY_STUDENT = "Every student";
    static final String PRESET = "CPC practice exam (100 questions, 4 hours)";
    static final String BLUEPRINT = "Blueprint: drawn at random per domain, tag or scenario group";
    static final String DRAW_QUESTION_TAG = "Questions with the tag";
    static final String DRAW_SCENARIO_SPECIALTY = "Coding scenarios of the specialty";
    static final String DRAW_SCENARIO_TAG = "Coding scenarios with the tag";
    static final String DRAW_SCENARIO_ANY = "Coding scenarios (any)";
    static final String FIXED = "Fixed items: chosen questions and scenarios";

    private final AssessmentService assessments;
    private final QuestionBank bank;
    private final ScenarioLibrary library;
    private final GradebookService gradebook;
    private final CurrentUser currentUser;

    final Grid<AssessmentRow> grid = new Grid<>();
    final TextField title = new TextField("Title");
    final Select<String> cohort = new Select<>();
    final IntegerField minutes = new IntegerField("Time limit (minutes)");
    final DateTimeFields opens = new DateTimeFields("Opens");
    final DateTimeFields closes = new DateTimeFields("Closes");
    final IntegerField attempts = new IntegerField("Attempts allowed");
    final Checkbox openBook = new Checkbox("Open book (code search available)");
    final Checkbox shuffle = new Checkbox("Shuffle items and options", true);
    final Select<ReleaseMode> release = new Select<>();
    final Select<Integer> parts = new Select<>();
    final IntegerField breakMinutes = new IntegerField("Break (minutes)");
    final RadioButtonGroup<String> mode = new RadioButtonGroup<>("Items");
    final Map<QuestionDomain, IntegerField> counts = new LinkedHashMap<>();
    final Select<String> drawKind = new Select<>();
    final ComboBox<String> drawValue = new ComboBox<>("Tag or specialty");
    final IntegerField drawCount = new IntegerField("Count");
    final Button addDraw = new Button("Add draw");
    final Grid<Composition.BlueprintEntry> draws = new Grid<>();
    final List<Composition.BlueprintEntry> extraDraws = new ArrayList<>();
    final MultiSelectComboBox<Question> questions = new MultiSelectComboBox<>("Questions");
    final MultiSelectComboBox<Scenario> scenarios = new MultiSelectComboBox<>("Coding scenarios");
    final Span errors = new Span();
    final Button create = new Button("Create and assign");
    private final Map<String, Long> cohortIds = new LinkedHashMap<>();
    private final Div blueprintBox = new Div();
    private final Div fixedBox = new Div();

    public AssessmentsView(
            AssessmentService assessments,
            QuestionBank bank,
            ScenarioLibrary library,
            GradebookService gradebook,
            CurrentUser currentUser) {
        this.assessments = assessments;
        this.bank = bank;
        this.library = library;
        this.gradebook = gradebook;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Assessments"));

        grid.setId("assessments");
        grid.addColumn(AssessmentRow::title).setHeader("Exam").setFlexGrow(2);
        grid.addColumn(a -> a.cohortId() == null
                        ? EVERY_STUDENT
                        : assessments.cohortName(a.cohortId()).orElse("?"))
                .setHeader("Assigned to")
                .setAutoWidth(true);
        grid.addColumn(a -> a.composition().size() + " items · " + a.timeLimitMinutes() + " min")
                .setHeader("Size")
                .setAutoWidth(true);
        grid.addColumn(a -> DisplayDates.dateTime(a.opensAt()) + " – " + DisplayDates.dateTime(a.closesAt()))
                .setHeader("Window")
                .setAutoWidth(true);
        grid.addComponentColumn(a -> {
                    Button open =
                            new Button("Proctor", e -> getUI().ifPresent(ui -> ui.navigate("assessments/" + a.id())));
                    open.setId("proctor-" + a.id());
                    open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    return open;
                })
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);

        Details builder = new Details("New exam", builder());
        builder.setId("exam-builder");
        builder.setOpened(true);
        add(builder);
        refresh();
    }

    private VerticalLayout builder() {
        title.setId("exam-title");
        title.setMaxLength(200);
        List<String> cohortNames = new ArrayList<>(List.of(EVERY_STUDENT));
        for (Cohort c : gradebook.cohortsOf(currentUser.requireUsername(), currentUser.roles())) {
            cohortIds.put(c.getName(), c.getId());
            cohortNames.add(c.getName());
        }
        cohort.setLabel("Assign to");
        cohort.setItems(cohortNames);
        cohort.setValue(cohortNames.size() > 1 ? cohortNames.get(1) : EVERY_STUDENT);
        minutes.setValue(60);
        minutes.setMin(1);
        minutes.setMax(AssessmentSpec.MAX_TIME_LIMIT_MINUTES);
        LocalDateTime now =
                LocalDateTime.now(ZoneId.systemDefault()).withSecond(0).withNano(0);
        opens.setWidthFull();
        closes.setWidthFull();
        opens.setValue(now);
        closes.setValue(now.plusDays(7));
        attempts.setValue(1);
        attempts.setMin(1);
        release.setLabel("Results released");
        release.setItems(ReleaseMode.values());
        release.setItemLabelGenerator(r -> switch (r) {
            case ON_SUBMIT -> "At submit";
            case ON_CLOSE -> "When the window closes";
            case MANUAL -> "By hand";
        });
        release.setValue(ReleaseMode.ON_CLOSE);
        parts.setLabel("Sessions");
        parts.setItems(1, 2);
        parts.setItemLabelGenerator(p -> p == 1 ? "One session" : "Two parts with a break");
        parts.setValue(1);
        breakMinutes.setValue(0);
        breakMinutes.setMin(0);
        breakMinutes.setMax(AssessmentSpec.MAX_BREAK_MINUTES);
        FormLayout form = new FormLayout(
                title, cohort, minutes, attempts, opens, closes, release, parts, breakMinutes, openBook, shuffle);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));

        mode.setId("exam-mode");
        mode.setItems(PRESET, BLUEPRINT, FIXED);
        mode.addValueChangeListener(e -> showMode(e.getValue()));
        for (QuestionDomain d : QuestionDomain.values()) {
            int available = bank.inDomain(d).size();
            IntegerField count = new IntegerField(d.label() + " (" + available + " in bank)");
            count.setId("count-" + d.name());
            count.setMin(0);
            count.setMax(available);
            count.setValue(0);
            counts.put(d, count);
        }
        FormLayout countForm = new FormLayout(counts.values().toArray(IntegerField[]::new));
        countForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("700px", 4));
        blueprintBox.add(countForm, drawEditor());
        questions.setId("fixed-questions");
        questions.setItems(bank.all());
        questions.setItemLabelGenerator(q -> q.id() + " · " + abbreviate(q.stem()));
        scenarios.setId("fixed-scenarios");
        scenarios.setItems(library.all());
        scenarios.setItemLabelGenerator(s -> s.id() + " · " + s.title());
        questions.setWidthFull();
        scenarios.setWidthFull();
        fixedBox.add(questions, scenarios);
        fixedBox.setWidthFull();
        mode.setValue(PRESET);

        errors.setId("builder-errors");
        errors.addClassName("c2c-result-wrong");
        create.setId("create-exam");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createExam());
        int shortfall = assessments.presetShortfall();
        Paragraph presetNote = new Paragraph(
                shortfall == 0
                        ? "The preset draws 100 questions over the CPC blueprint (docs/assessment.md has the table)."
                        : "The bank lacks " + shortfall
                                + " of the preset's 100 questions: the preset takes what each domain has.");
        presetNote.addClassName("c2c-muted");
        VerticalLayout box = new VerticalLayout(form, mode, presetNote, blueprintBox, fixedBox, errors, create);
        box.setPadding(false);
        return box;
    }

    /** Draws beside the domain counts: questions by tag, coding scenarios by specialty, by tag or any. */
    private VerticalLayout drawEditor() {
        drawKind.setLabel("Also draw");
        drawKind.setId("draw-kind");
        drawKind.setItems(DRAW_QUESTION_TAG, DRAW_SCENARIO_SPECIALTY, DRAW_SCENARIO_TAG, DRAW_SCENARIO_ANY);
        drawKind.addValueChangeListener(e -> drawChoices(e.getValue()));
        drawValue.setId("draw-value");
        drawCount.setId("draw-count");
        drawCount.setMin(1);
        drawCount.setValue(1);
        addDraw.setId("add-draw");
        addDraw.addClickListener(e -> addDraw());
        drawKind.setValue(DRAW_QUESTION_TAG);
        draws.setId("blueprint-draws");
        draws.addColumn(Composition.BlueprintEntry::describe)
                .setHeader("Drawn per session")
                .setFlexGrow(1);
        draws.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // a phone shows the whole description
        draws.setWidthFull();
        draws.addComponentColumn(entry -> {
                    Button remove = new Button("Remove", e -> {
                        extraDraws.remove(entry);
                        draws.setItems(extraDraws);
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    return remove;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        draws.setAllRowsVisible(true);
        draws.setItems(extraDraws);
        FlexLayout row = new FlexLayout(drawKind, drawValue, drawCount, addDraw);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        VerticalLayout box = new VerticalLayout(row, draws);
        box.setPadding(false);
        return box;
    }

    /** The tag or specialty choices of a draw kind, each with how many items it can draw. */
    private void drawChoices(String kind) {
        Map<String, Integer> choices = DRAW_QUESTION_TAG.equals(kind)
                ? bank.tags()
                : DRAW_SCENARIO_SPECIALTY.equals(kind)
                        ? assessments.scenarioSpecialties()
                        : DRAW_SCENARIO_TAG.equals(kind) ? assessments.scenarioTags() : Map.of();
        drawValue.clear();
        drawValue.setItems(List.copyOf(choices.keySet()));
        drawValue.setItemLabelGenerator(v -> v + " (" + choices.getOrDefault(v, 0) + ")");
        drawValue.setEnabled(!DRAW_SCENARIO_ANY.equals(kind));
    }

    void addDraw() {
        String kind = drawKind.getValue();
        String value = drawValue.getValue();
        int n = drawCount.getValue() == null ? 0 : drawCount.getValue();
        if (!DRAW_SCENARIO_ANY.equals(kind) && (value == null || value.isBlank())) {
            drawValue.setInvalid(true);
            drawValue.setErrorMessage("Choose a tag or specialty");
            return;
        }
        drawValue.setInvalid(false);
        Composition.BlueprintEntry entry = switch (kind) {
            case DRAW_QUESTION_TAG -> new Composition.BlueprintEntry(null, value, n);
            case DRAW_SCENARIO_SPECIALTY -> Composition.BlueprintEntry.scenarios(value, null, n);
            case DRAW_SCENARIO_TAG -> Composition.BlueprintEntry.scenarios(null, value, n);
            default -> Composition.BlueprintEntry.scenarios(null, null, n);
        };
        extraDraws.add(entry);
        draws.setItems(extraDraws);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }

    private void showMode(String value) {
        blueprintBox.setVisible(BLUEPRINT.equals(value));
        fixedBox.setVisible(FIXED.equals(value));
        if (PRESET.equals(value)) {
            minutes.setValue(240);
            if (title.isEmpty()) {
                title.setValue("CPC practice exam");
            }
        }
    }

    void createExam() {
        Composition composition;
        if (PRESET.equals(mode.getValue())) {
            composition = assessments.cpcPresetForBank();
        } else if (BLUEPRINT.equals(mode.getValue())) {
            List<Composition.BlueprintEntry> entries = new ArrayList<>();
            counts.forEach((d, f) -> {
                if (f.getValue() != null && f.getValue() > 0) {
                    entries.add(new Composition.BlueprintEntry(d.name(), null, f.getValue()));
                }
            });
            entries.addAll(extraDraws);
            composition = Composition.drawn(entries);
        } else {
            List<Composition.ItemRef> items = new ArrayList<>();
            questions.getSelectedItems().stream()
                    .sorted(java.util.Comparator.comparing(Question::id))
                    .forEach(q -> items.add(new Composition.ItemRef(ItemType.QUESTION, q.id())));
            scenarios.getSelectedItems().stream()
                    .sorted(java.util.Comparator.comparing(Scenario::id))
                    .forEach(s -> items.add(new Composition.ItemRef(ItemType.SCENARIO, s.id())));
            composition = Composition.fixed(items);
        }
        boolean opensIncomplete = opens.refuseIfIncomplete();
        if (closes.refuseIfIncomplete() || opensIncomplete) {
            errors.setText("Enter the window's dates with their times.");
            return;
        }
        AssessmentSpec spec = new AssessmentSpec(
                title.getValue(),
                cohortIds.get(cohort.getValue()),
                minutes.getValue() == null ? 0 : minutes.getValue(),
                opens.instant(),
                closes.instant(),
                attempts.getValue() == null ? 0 : attempts.getValue(),
                openBook.getValue(),
                shuffle.getValue(),
                release.getValue(),
                parts.getValue(),
                breakMinutes.getValue() == null ? 0 : breakMinutes.getValue(),
                composition);
        try {
            long id = assessments.create(spec, currentUser.requireUsername(), currentUser.roles());
            errors.setText("");
            Notification n = Notification.show(
                    "Exam created (" + composition.size() + " items) and assigned to " + cohort.getValue() + ".");
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            title.clear();
            refresh();
            grid.select(grid.getListDataView()
                    .getItems()
                    .filter(a -> a.id() == id)
                    .findFirst()
                    .orElse(null));
        } catch (AssessmentException e) {
            errors.setText(e.getMessage());
        }
    }

    void refresh() {
        grid.setItems(assessments.managedBy(currentUser.requireUsername(), currentUser.roles()));
    }
}
