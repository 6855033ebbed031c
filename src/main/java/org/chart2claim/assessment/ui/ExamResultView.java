package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.assessment.AssessmentException;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamText;
import org.chart2claim.assessment.ExamViews.ItemResult;
import org.chart2claim.assessment.ExamViews.Results;
import org.chart2claim.assessment.ItemType;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.config.DisplayDates;

/**
 * A student's released results: the score, the score per domain, and every item with the key, their choice and the
 * rationale (coding cases with the rubric's verdicts). Before release the page says so and shows nothing else.
 */
@Route("exams/session/:sessionId/results")
@PageTitle("Exam results · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/assessment.css")
public class ExamResultView extends VerticalLayout implements BeforeEnterObserver {

    private final ExamSessionService sessions;
    private final CurrentUser currentUser;

    public ExamResultView(ExamSessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String sid = event.getRouteParameters().get("sessionId").orElse("");
        Results results;
        try {
            results = sessions.results(sid, currentUser.requireUsername());
        } catch (AssessmentException e) {
            add(new H2("Results"), new Paragraph(e.getMessage()));
            return;
        }
        render(results, this);
    }

    /** The results page's content (the proctor's review shows the same). */
    static void render(Results r, VerticalLayout into) {
        into.add(new H2(r.title() + ": results"));
        Span score = new Span(r.score() + "%");
        score.setId("result-score");
        score.addClassName("c2c-score");
        into.add(score);
        into.add(new Paragraph("Submitted " + DisplayDates.dateTime(r.submittedAt()) + " ("
                + switch (r.submittedBy()) {
                    case ExamSessionService.BY_AUTO -> "by the server at the deadline";
                    case ExamSessionService.BY_PROCTOR -> "closed by a proctor";
                    default -> "by " + r.username();
                }
                + "), time used " + ExamView.format(r.timeUsedSeconds()) + "."));
        Div domains = new Div();
        domains.setId("result-domains");
        for (Map.Entry<String, Integer> d : r.byDomain().entrySet()) {
            String label =
                    QuestionDomain.byId(d.getKey()).map(QuestionDomain::label).orElse("Coding cases");
            domains.add(new Div(new Span(label + ": " + d.getValue() + "%")));
        }
        into.add(new H3("By domain"), domains);
        into.add(new H3("Items"));
        Paragraph order = new Paragraph("Options are listed in the question bank's order, the letters the explanations"
                + " use; your exam may have shown them shuffled.");
        order.addClassName("c2c-muted");
        into.add(order);
        for (ItemResult item : r.items()) {
            Div box = new Div();
            box.addClassName("c2c-result-item");
            box.setId("result-item-" + item.position());
            box.add(new H3("Item " + item.position()));
            Paragraph stem = new Paragraph(ExamText.reflow(item.stem()));
            stem.addClassName("c2c-exam-stem");
            box.add(stem);
            if (item.type() == ItemType.QUESTION) {
                item.options().forEach((letter, text) -> {
                    Span line = new Span(letter + ". " + text
                            + (letter.equals(item.key()) ? "  ← key" : "")
                            + (letter.equals(item.yourChoice()) ? "  ← your answer" : ""));
                    if (letter.equals(item.key())) {
                        line.addClassName("c2c-result-right");
                    } else if (letter.equals(item.yourChoice())) {
                        line.addClassName("c2c-result-wrong");
                    }
                    box.add(new Div(line));
                });
                if (item.yourChoice() == null) {
                    box.add(new Div(new Span("Not answered.")));
                }
                Paragraph why = new Paragraph(ExamText.reflow(item.rationale()));
                why.addClassName("c2c-exam-stem");
                box.add(why);
            } else {
                box.add(new Paragraph("Score " + item.score() + "%."));
                GradeResult g = item.grade();
                if (g == null) {
                    box.add(new Paragraph("No codes were submitted."));
                } else {
                    g.diagnoses()
                            .forEach(d -> box.add(new Div(new Span("Diagnosis " + d.keyPosition() + ": key "
                                    + d.keyCode() + ", yours " + (d.yourCode() == null ? "–" : d.yourCode()) + " — "
                                    + d.verdict().name().toLowerCase(java.util.Locale.ROOT) + ". " + d.rationale()))));
                    g.procedures()
                            .forEach(p -> box.add(new Div(new Span("Line " + p.keyLine() + ": key " + p.keyCode()
                                    + ", yours " + (p.yourCode() == null ? "–" : p.yourCode()) + " — "
                                    + p.code().name().toLowerCase(java.util.Locale.ROOT) + ". " + p.rationale()))));
                }
            }
            into.add(box);
        }
    }
}
