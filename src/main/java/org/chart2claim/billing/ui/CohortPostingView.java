package org.chart2claim.billing.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.exercise.PostingExerciseService;
import org.chart2claim.billing.exercise.PostingExerciseService.Attempt;

/** Instructors: the hand-posting scores of their cohorts' students (administrators: everyone's). */
@Menu(title = "Cohort ERA posting", order = 25.5, icon = "vaadin:edit")
@Route("teaching/posting")
@PageTitle("Cohort ERA posting · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/billing.css")
public class CohortPostingView extends VerticalLayout {
    public final Paragraph perStudent = new Paragraph();
    public final Grid<Attempt> attempts;

    public CohortPostingView(PostingExerciseService exercises, CurrentUser currentUser) {
        addClassName("billing-view");
        List<Attempt> all = exercises.cohortAttempts(currentUser.requireUsername(), currentUser.roles());
        Map<String, List<Attempt>> byStudent =
                all.stream().collect(Collectors.groupingBy(Attempt::username, TreeMap::new, Collectors.toList()));
        perStudent.setText(
                byStudent.isEmpty()
                        ? "None of your students has posted an ERA by hand yet."
                        : byStudent.entrySet().stream()
                                .map(e -> e.getKey() + ": "
                                        + PostingExerciseSection.summary(
                                                e.getValue().reversed()))
                                .collect(Collectors.joining(" — ")));
        attempts = PostingExerciseSection.grid(all, true);
        add(
                new H2("Cohort ERA posting"),
                new Paragraph("Hand postings of ERAs by the students of your cohorts, scored against the automatic"
                        + " posting; the first attempt on a claim counts."),
                perStudent,
                attempts);
    }
}
