package org.chart2claim.billing.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chart2claim.billing.exercise.PostingExerciseService;
import org.chart2claim.billing.exercise.PostingExerciseService.Attempt;
import org.chart2claim.coding.ui.ResultsSection;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowColumns;

/** "ERA posting by hand" on My results: every hand posting, its score and whether it counts. */
@org.springframework.stereotype.Component
public class PostingExerciseSection implements ResultsSection {
    private final PostingExerciseService exercises;

    public PostingExerciseSection(PostingExerciseService exercises) {
        this.exercises = exercises;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forUser(String username) {
        List<Attempt> attempts = exercises.attempts(username);
        Div section = new Div(new H3("ERA posting by hand"));
        section.setId("posting-exercises");
        section.setWidthFull();
        if (attempts.isEmpty()) {
            section.add(
                    new Paragraph("No ERA posted by hand yet."),
                    new RouterLink("Post an ERA by hand", PostingExerciseView.class));
            return Optional.of(section);
        }
        section.add(new Paragraph(summary(attempts)));
        section.add(grid(attempts.reversed(), false));
        return Optional.of(section);
    }

    /** "3 claims posted · average 87 (first attempts) · 1 repeat (not counted)". */
    static String summary(List<Attempt> attempts) {
        List<Attempt> counted = attempts.stream().filter(Attempt::counted).toList();
        double average = counted.stream().mapToInt(Attempt::score).average().orElse(0);
        int repeats = attempts.size() - counted.size();
        return counted.size() + (counted.size() == 1 ? " claim" : " claims") + " posted · average "
                + Math.round(average) + " (first attempts)"
                + (repeats > 0 ? " · " + repeats + (repeats == 1 ? " repeat" : " repeats") + " (not counted)" : "");
    }

    /**
     * The attempts as a grid; {@code withStudent} adds the trainee's name (the instructors' view). At phone width one
     * compact column holds the same facts ({@link NarrowColumns}).
     */
    static Grid<Attempt> grid(List<Attempt> attempts, boolean withStudent) {
        Grid<Attempt> grid = new Grid<>();
        List<Grid.Column<Attempt>> wide = new ArrayList<>();
        if (withStudent) {
            wide.add(grid.addColumn(Attempt::username).setHeader("Student").setAutoWidth(true));
        }
        wide.add(grid.addColumn(a -> DisplayDates.dateTime(a.submittedAt()))
                .setHeader("Posted")
                .setAutoWidth(true));
        wide.add(grid.addColumn(a -> a.claimNumber() + " · " + a.patient())
                .setHeader("ERA")
                .setFlexGrow(1));
        wide.add(grid.addColumn(Attempt::score).setHeader("Score").setAutoWidth(true));
        wide.add(grid.addColumn(Attempt::differences).setHeader("Differences").setAutoWidth(true));
        wide.add(grid.addColumn(PostingExerciseSection::counts)
                .setHeader("Counts")
                .setAutoWidth(true));
        Grid.Column<Attempt> compact = grid.addComponentColumn(a -> new Div(
                        new Div(a.claimNumber() + " · " + a.patient()),
                        new Div((withStudent ? a.username() + " · " : "") + "score " + a.score() + " · " + counts(a))))
                .setHeader("ERA · score")
                .setFlexGrow(1);
        new NarrowColumns(grid).columns(wide, compact);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(attempts);
        return grid;
    }

    private static String counts(Attempt a) {
        return a.counted() ? "counts" : "repeat";
    }
}
