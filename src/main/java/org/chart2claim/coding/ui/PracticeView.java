package org.chart2claim.coding.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.config.ui.NarrowScreen;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;

/**
 * The scenario catalogue: search words in titles, tags and notes, filter by specialty, difficulty, tags,
 * in progress/done/not done and score (the filters are kept for the session); open one to code it.
 */
@Menu(title = "Practice", order = 10, icon = "vaadin:file-text-o")
@Route("practice")
@PageTitle("Practice · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/coding.css")
public class PracticeView extends VerticalLayout {

    static final String ALL = "All";
    static final String DONE = "Done";
    static final String NOT_DONE = "Not done";

    static final String IN_PROGRESS = "In progress";

    /** One catalogue row: the scenario, this learner's best score (null when never submitted), a draft or not. */
    public record Row(Scenario scenario, Integer bestScore, boolean inProgress) {

        /** Lower-case text the search box looks in: title, specialty, tags, id and the note itself. */
        String searchable() {
            return (scenario.title() + "\n" + scenario.specialty() + "\n" + String.join("\n", scenario.tags()) + "\n"
                            + scenario.id() + "\n" + scenario.noteMarkdown())
                    .toLowerCase(Locale.ROOT);
        }
    }

    /** The filters as the learner left them, kept in the session so coming back finds them again. */
    record Filters(String text, String specialty, Integer difficulty, Set<String> tags, String status, String score)
            implements Serializable {}

    final ComboBox<String> specialty = new ComboBox<>("Specialty");
    final ComboBox<Integer> difficulty = new ComboBox<>("Difficulty");
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    final Select<String> status = new Select<>();
    final Select<String> score = new Select<>();
    static final String ANY_SCORE = "Any";
    static final String BELOW_80 = "Below 80 (review)";
    static final String AT_LEAST_80 = "80 or more";
    final TextField text = new TextField("Search");
    final Grid<Row> grid = new Grid<>();
    private final List<Row> rows;

    public PracticeView(ScenarioLibrary library, AttemptService attempts, CurrentUser currentUser) {
        addClassName("c2c-practice");
        Map<String, Integer> best = attempts.countedScores(currentUser.requireUsername());
        Set<String> drafts = attempts.scenariosInProgress(currentUser.requireUsername());
        rows = library.catalogue(currentUser.requireUsername()).stream()
                .map(s -> new Row(s, best.get(s.id()), drafts.contains(s.id())))
                .toList();

        specialty.setItems(
                new TreeSet<>(rows.stream().map(r -> r.scenario().specialty()).toList()));
        specialty.setClearButtonVisible(true);
        difficulty.setItems(1, 2, 3);
        difficulty.setItemLabelGenerator(PracticeView::difficultyLabel);
        difficulty.setClearButtonVisible(true);
        Set<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        rows.forEach(r -> allTags.addAll(r.scenario().tags()));
        tags.setItems(allTags);
        status.setLabel("Status");
        status.setItems(ALL, IN_PROGRESS, DONE, NOT_DONE);
        status.setValue(ALL);
        score.setLabel("Score (first attempt)");
        score.setItems(ANY_SCORE, BELOW_80, AT_LEAST_80);
        score.setValue(ANY_SCORE);
        score.addValueChangeListener(e -> refresh());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.setPlaceholder("Words in the title, tags or note");
        text.setId("catalogue-search");
        restoreFilters();
        specialty.addValueChangeListener(e -> refresh());
        difficulty.addValueChangeListener(e -> refresh());
        tags.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());

        Grid.Column<Row> title = grid.addColumn(r -> r.scenario().title())
                .setHeader("Scenario")
                .setFlexGrow(3)
                .setSortable(true);
        Grid.Column<Row> specialtyColumn = grid.addColumn(r -> r.scenario().specialty())
                .setHeader("Specialty")
                .setFlexGrow(1)
                .setSortable(true);
        Grid.Column<Row> difficultyColumn = grid.addColumn(
                        r -> difficultyLabel(r.scenario().difficulty()))
                .setHeader("Difficulty")
                .setAutoWidth(true)
                .setComparator(r -> r.scenario().difficulty());
        Grid.Column<Row> tagsColumn = grid.addColumn(
                        r -> String.join(", ", r.scenario().tags()))
                .setHeader("Tags")
                .setFlexGrow(2);
        // the phone layout: title with specialty and difficulty underneath, in one column
        Grid.Column<Row> compact = grid.addComponentColumn(PracticeView::compactCell)
                .setHeader("Scenario")
                .setFlexGrow(1)
                .setComparator(r -> r.scenario().title());
        compact.setVisible(false);
        grid.addComponentColumn(PracticeView::statusBadges)
                .setHeader("Score (first attempt)")
                .setAutoWidth(true)
                .setComparator(r -> r.bestScore() == null ? -1 : r.bestScore());
        grid.setEmptyStateText("No scenario matches these filters. Clear a filter or search for other words.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();

        long done = rows.stream().filter(r -> r.bestScore() != null).count();
        Span progress = new Span(done + " of " + rows.size() + " scenarios done");
        progress.addClassName("c2c-muted");
        HorizontalLayout filters = new HorizontalLayout(text, specialty, difficulty, tags, status, score);
        filters.addClassName("c2c-filters");
        filters.setWidthFull();
        Details moreFilters = new Details("More filters");
        moreFilters.addClassName("c2c-more-filters");
        moreFilters.setVisible(false);
        add(new H2("Practice"), progress, filters, moreFilters, grid);
        setSizeFull();
        refresh();
        NarrowScreen.track(this, narrow -> {
            title.setVisible(!narrow);
            specialtyColumn.setVisible(!narrow);
            difficultyColumn.setVisible(!narrow);
            tagsColumn.setVisible(!narrow);
            compact.setVisible(narrow);
            // on a phone only the search box stays open; the other filters fold away
            if (narrow) {
                moreFilters.add(specialty, difficulty, tags, status, score);
            } else {
                filters.add(specialty, difficulty, tags, status, score);
            }
            moreFilters.setVisible(narrow);
            text.setWidth(narrow ? "100%" : null);
        });
    }

    private static Div compactCell(Row row) {
        Div titleLine = new Div(row.scenario().title());
        titleLine.addClassName("c2c-compact-title");
        Span detail = new Span(row.scenario().specialty() + " · "
                + difficultyLabel(row.scenario().difficulty()));
        detail.addClassName("c2c-muted");
        return new Div(titleLine, detail);
    }

    void open(Row row) {
        getUI().ifPresent(ui -> ui.navigate("practice/" + row.scenario().id()));
    }

    /** The rows the filters let through (also what the grid shows). */
    List<Row> filtered() {
        String query = text.getValue() == null ? "" : text.getValue().trim().toLowerCase(Locale.ROOT);
        return rows.stream()
                .filter(r ->
                        specialty.getValue() == null || r.scenario().specialty().equals(specialty.getValue()))
                .filter(r -> difficulty.getValue() == null
                        || Objects.equals(r.scenario().difficulty(), difficulty.getValue()))
                .filter(r -> tags.getValue().isEmpty()
                        || r.scenario().tags().stream()
                                .anyMatch(t -> tags.getValue().contains(t)))
                .filter(r -> switch (status.getValue() == null ? ALL : status.getValue()) {
                    case IN_PROGRESS -> r.inProgress();
                    case DONE -> r.bestScore() != null;
                    case NOT_DONE -> r.bestScore() == null;
                    default -> true;
                })
                .filter(r -> switch (score.getValue() == null ? ANY_SCORE : score.getValue()) {
                    case BELOW_80 -> r.bestScore() != null && r.bestScore() < 80;
                    case AT_LEAST_80 -> r.bestScore() != null && r.bestScore() >= 80;
                    default -> true;
                })
                .filter(r -> matchesAllWords(r.searchable(), query))
                .toList();
    }

    /** Every word of the query occurs in the text (in any order). */
    static boolean matchesAllWords(String text, String query) {
        for (String word : query.split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private void refresh() {
        grid.setItems(filtered());
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(
                    Filters.class,
                    new Filters(
                            text.getValue(),
                            specialty.getValue(),
                            difficulty.getValue(),
                            Set.copyOf(tags.getValue()),
                            status.getValue(),
                            score.getValue()));
        }
    }

    private void restoreFilters() {
        VaadinSession session = VaadinSession.getCurrent();
        Filters saved = session == null ? null : session.getAttribute(Filters.class);
        if (saved == null) {
            return;
        }
        text.setValue(saved.text() == null ? "" : saved.text());
        specialty.setValue(saved.specialty());
        difficulty.setValue(saved.difficulty());
        tags.setValue(saved.tags() == null ? Set.of() : saved.tags());
        status.setValue(saved.status() == null ? ALL : saved.status());
        score.setValue(saved.score() == null ? ANY_SCORE : saved.score());
    }

    static String difficultyLabel(Integer d) {
        return d == null
                ? ""
                : switch (d) {
                    case 1 -> "1 · foundation";
                    case 2 -> "2 · intermediate";
                    default -> "3 · advanced";
                };
    }

    private static Div statusBadges(Row row) {
        Div d = new Div(scoreBadge(row.bestScore()));
        if (row.inProgress()) {
            Span draft = new Span("In progress");
            draft.getElement().getThemeList().add("badge primary");
            draft.addClassName("c2c-badge");
            d.add(draft);
        }
        return d;
    }

    static Span scoreBadge(Integer score) {
        Span s = new Span(score == null ? "—" : score + "%");
        s.getElement().getThemeList().add("badge");
        if (score != null) {
            s.getElement().getThemeList().add(score >= 80 ? "success" : score >= 50 ? "contrast" : "error");
        }
        return s;
    }
}
