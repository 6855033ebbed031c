package org.chart2claim.coding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.GradeResult;
import org.chart2claim.coding.GradingRubric;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowColumns;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Feedback on a submitted attempt: total and breakdown, each key element side by side with the learner's
 * answer and a verdict, the rationale for every key code, extras and the common mistakes that apply.
 * Only the attempt's owner (or an instructor/admin) can open it; anyone else gets "not found".
 */
@Route("results/attempt/:attemptId")
@PageTitle("Feedback · Chart2Claim")
@RolesAllowed({"STUDENT", "INSTRUCTOR", "ADMIN"})
@StyleSheet("css/coding.css")
public class FeedbackView extends VerticalLayout implements BeforeEnterObserver {

    private final AttemptService attempts;
    private final ScenarioLibrary library;
    private final CurrentUser currentUser;
    private final ObjectProvider<FeedbackSection> sections;
    /** Phone width ({@link org.chart2claim.config.ui.NarrowScreen}): the verdict grids show one cell per row. */
    private final NarrowColumns narrow = new NarrowColumns(this);

    public FeedbackView(
            AttemptService attempts,
            ScenarioLibrary library,
            CurrentUser currentUser,
            ObjectProvider<FeedbackSection> sections) {
        this.attempts = attempts;
        this.library = library;
        this.currentUser = currentUser;
        this.sections = sections;
        addClassName("c2c-feedback");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        narrow.clear();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("attemptId").orElse(""));
        } catch (NumberFormatException e) {
            id = -1;
        }
        attempts.attemptFor(id, currentUser.requireUsername(), currentUser.roles())
                .ifPresentOrElse(
                        this::show,
                        () -> add(
                                new H2("Attempt not found"),
                                new Paragraph("There is no attempt with that number that you can open.")));
    }

    /** Switches the verdict grids to their phone layout (one cell per row) or back. */
    void phoneWidth(boolean n) {
        narrow.phoneWidth(n);
    }

    private void show(AttemptService.GradedAttempt attempt) {
        GradeResult r = attempt.result();
        String title = library.version(attempt.scenarioId(), attempt.scenarioVersion())
                .or(() -> library.find(attempt.scenarioId()))
                .map(s -> s.title())
                .orElse(attempt.scenarioId());
        H2 heading = new H2("Feedback: " + title);
        Span score = new Span(r.score() + " / 100");
        score.setId("attempt-score");
        if (attempt.afterKey()) {
            Span afterKey = new Span(ResultsView.AFTER_KEY + ": an earlier attempt of this scenario showed the key, "
                    + "so this score does not count in results");
            afterKey.setId("attempt-after-key");
            afterKey.getElement().getThemeList().add("badge contrast");
            add(afterKey);
        }
        score.addClassName("c2c-score");
        Paragraph breakdown = new Paragraph(String.format(
                "Earned %.1f of %.1f points, penalties %.1f → score %d. "
                        + "Diagnoses %.1f/%.1f · first-listed %.1f/%.1f · claim lines %.1f/%.1f.",
                r.earned(),
                r.available(),
                r.penalties(),
                r.score(),
                r.diagnoses().stream()
                        .mapToDouble(GradeResult.DiagnosisVerdict::points)
                        .sum(),
                r.diagnoses().stream()
                        .mapToDouble(GradeResult.DiagnosisVerdict::maxPoints)
                        .sum(),
                r.firstListed().points(),
                r.firstListed().maxPoints(),
                r.procedures().stream()
                        .mapToDouble(GradeResult.ProcedureVerdict::points)
                        .sum(),
                r.procedures().stream()
                        .mapToDouble(GradeResult.ProcedureVerdict::maxPoints)
                        .sum()));
        breakdown.setId("score-breakdown");
        add(heading, new HorizontalLayout(score, breakdown));
        Span version = new Span("Graded on version " + attempt.scenarioVersion() + " of the scenario");
        version.setId("attempt-version");
        version.addClassName("c2c-muted");
        add(version);
        if (!attempt.regrades().isEmpty()) {
            UnorderedList history = new UnorderedList();
            history.setId("regrade-history");
            for (AttemptService.Regrade g : attempt.regrades()) {
                history.add(new ListItem("Regraded " + DisplayDates.dateTime(g.at()) + " by " + g.by() + ": "
                        + g.oldScore() + " on version " + g.oldVersion() + " → " + g.newScore() + " on version "
                        + g.newVersion() + ". " + g.reason()));
            }
            add(new H3("Score history"), history);
        }

        add(new H3("Diagnoses"));
        Grid<GradeResult.DiagnosisVerdict> dx = new Grid<>();
        dx.setId("diagnosis-verdicts");
        List<Grid.Column<GradeResult.DiagnosisVerdict>> dxWide = List.of(
                dx.addColumn(GradeResult.DiagnosisVerdict::keyPosition)
                        .setHeader("#")
                        .setAutoWidth(true)
                        .setFlexGrow(0),
                dx.addColumn(GradeResult.DiagnosisVerdict::keyCode)
                        .setHeader("Key")
                        .setWidth("7em")
                        .setFlexGrow(0),
                dx.addColumn(FeedbackView::yours)
                        .setHeader("Yours")
                        .setWidth("8em")
                        .setFlexGrow(0),
                dx.addComponentColumn(v -> chips(badge(v.verdict(), v.match())))
                        .setHeader("Verdict")
                        .setWidth("10em")
                        .setFlexGrow(0),
                dx.addColumn(v -> fmt(v.points()) + "/" + fmt(v.maxPoints()))
                        .setHeader("Points")
                        .setAutoWidth(true)
                        .setFlexGrow(0),
                // The rationale keeps a readable width whatever the other columns hold; the grid scrolls sideways
                // instead.
                dx.addColumn(GradeResult.DiagnosisVerdict::rationale)
                        .setHeader("Why (rationale)")
                        .setWidth("22em")
                        .setFlexGrow(1));
        // the phone layout: one cell per key diagnosis, the verdict chip on its own line, the rationale wrapping
        narrow.columns(
                dxWide,
                dx.addComponentColumn(v -> compact(
                                "#" + v.keyPosition() + " · key " + v.keyCode() + " · yours " + yours(v),
                                chips(badge(v.verdict(), v.match())),
                                fmt(v.points()) + "/" + fmt(v.maxPoints()) + " points",
                                v.rationale()))
                        .setHeader("Diagnosis")
                        .setFlexGrow(1));
        styleGrid(dx, r.diagnoses());
        add(dx);
        GradeResult.FirstListedVerdict first = r.firstListed();
        add(new Paragraph("First-listed diagnosis: key " + first.keyCode() + ", yours "
                + (first.yourCode() == null ? "—" : first.yourCode()) + " → " + first.verdict() + " ("
                + fmt(first.points()) + "/" + fmt(first.maxPoints()) + ")"));

        add(new H3("Claim lines"));
        Grid<GradeResult.ProcedureVerdict> px = new Grid<>();
        px.setId("procedure-verdicts");
        List<Grid.Column<GradeResult.ProcedureVerdict>> pxWide = List.of(
                px.addColumn(v -> line(v.keyCode(), v.keyModifiers(), v.keyUnits(), v.keyPointedCodes()))
                        .setHeader("Key line")
                        .setWidth("10em")
                        .setFlexGrow(0),
                px.addColumn(FeedbackView::yourLine)
                        .setHeader("Your line")
                        .setWidth("10em")
                        .setFlexGrow(0),
                px.addComponentColumn(FeedbackView::lineChips)
                        .setHeader("Verdicts")
                        .setWidth("13em")
                        .setFlexGrow(0),
                px.addColumn(v -> fmt(v.points()) + "/" + fmt(v.maxPoints()))
                        .setHeader("Points")
                        .setAutoWidth(true)
                        .setFlexGrow(0),
                px.addColumn(GradeResult.ProcedureVerdict::rationale)
                        .setHeader("Why (rationale)")
                        .setWidth("22em")
                        .setFlexGrow(1));
        narrow.columns(
                pxWide,
                px.addComponentColumn(v -> compact(
                                "key " + line(v.keyCode(), v.keyModifiers(), v.keyUnits(), v.keyPointedCodes())
                                        + " · yours " + yourLine(v),
                                lineChips(v),
                                fmt(v.points()) + "/" + fmt(v.maxPoints()) + " points",
                                v.rationale()))
                        .setHeader("Claim line")
                        .setFlexGrow(1));
        styleGrid(px, r.procedures());
        add(px);

        if (!r.extras().isEmpty()) {
            add(new H3("Codes the key does not support"));
            UnorderedList extras = new UnorderedList();
            extras.setId("extras");
            r.extras()
                    .forEach(e -> extras.add(new ListItem(e.kind() + " " + e.code()
                            + (e.penalty() > 0 ? " (−" + fmt(e.penalty()) + "): " : ": ") + e.note())));
            add(extras);
        }
        if (!r.feedback().isEmpty()) {
            add(new H3("Common mistakes you made"));
            UnorderedList tips = new UnorderedList();
            tips.setId("mistakes");
            r.feedback().forEach(f -> tips.add(new ListItem(f.answer() + " — " + f.why())));
            add(tips);
        }
        Paragraph rubric = new Paragraph(
                "Rubric: " + GradingRubric.DIAGNOSIS_POINTS + " points per key diagnosis (partial: wrong 7th character "
                        + GradingRubric.SEVENTH_CHARACTER_SHARE + "%, wrong laterality "
                        + GradingRubric.LATERALITY_SHARE + "%, right category "
                        + GradingRubric.CATEGORY_SHARE + "%), " + GradingRubric.FIRST_LISTED_POINTS
                        + " for the first-listed diagnosis, per claim line "
                        + GradingRubric.PROCEDURE_CODE_POINTS + " for the code + " + GradingRubric.MODIFIER_POINTS
                        + " modifiers + " + GradingRubric.UNITS_POINTS
                        + " units + " + GradingRubric.POINTER_POINTS + " pointers; extras −"
                        + GradingRubric.EXTRA_DIAGNOSIS_PENALTY + " per diagnosis, −"
                        + GradingRubric.EXTRA_PROCEDURE_PENALTY + " per line.");
        rubric.addClassName("c2c-muted");
        Button claim = new Button(
                "Build a claim from this attempt",
                e -> getUI().ifPresent(ui -> ui.navigate(
                        "claims",
                        QueryParameters.simple(
                                Map.of("scenario", attempt.scenarioId(), "attempt", String.valueOf(attempt.id()))))));
        claim.setId("build-claim");
        claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fromAnswer = new Button(
                "Code it again from my answer",
                e -> getUI().ifPresent(ui -> ui.navigate(
                        "practice/" + attempt.scenarioId(), QueryParameters.of("from", String.valueOf(attempt.id())))));
        fromAnswer.setId("code-again-from-answer");
        Button again = new Button(
                "Code it again from scratch",
                e -> getUI().ifPresent(ui -> ui.navigate("practice/" + attempt.scenarioId())));
        again.setId("code-again");
        Button results = new Button("My results", e -> getUI().ifPresent(ui -> ui.navigate("results")));
        HorizontalLayout actions = new HorizontalLayout(claim, fromAnswer, again, results);
        actions.addClassName("c2c-actions");
        // Only the attempt's owner can build a claim or code again from it (instructors read it).
        boolean owner = attempt.username().equals(currentUser.requireUsername());
        claim.setVisible(owner);
        fromAnswer.setVisible(owner);
        add(rubric, actions);
        // Sections of features above coding (answer-key disputes) plug in here without coding knowing them.
        sections.orderedStream()
                .flatMap(s -> s.section(attempt, owner).stream())
                .forEach(this::add);
    }

    private static <T> void styleGrid(Grid<T> grid, List<T> items) {
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    }

    private static String yours(GradeResult.DiagnosisVerdict v) {
        return v.yourCode() == null ? "—" : v.yourCode() + " (your #" + v.yourPosition() + ")";
    }

    private static String yourLine(GradeResult.ProcedureVerdict v) {
        return v.yourCode() == null ? "—" : line(v.yourCode(), v.yourModifiers(), v.yourUnits(), v.yourPointedCodes());
    }

    private static Div lineChips(GradeResult.ProcedureVerdict v) {
        return chips(
                badge(v.code(), "code: " + v.codeMatch()),
                badge(v.modifiers(), "modifiers: " + verdictWord(v.modifiers())),
                badge(v.units(), "units: " + verdictWord(v.units())),
                badge(v.pointers(), "pointers: " + verdictWord(v.pointers())));
    }

    /** The phone cell: the codes, the verdict chips, the points and the rationale on short lines that wrap. */
    private static Div compact(String codes, Div chips, String points, String rationale) {
        Div cell = new Div(new Div(codes), chips, new Div(points), new Div(rationale));
        cell.addClassName("c2c-verdict-cell");
        return cell;
    }

    private static String line(String code, List<String> mods, Integer units, List<String> pointed) {
        StringBuilder sb = new StringBuilder(code);
        mods.forEach(m -> sb.append('-').append(m));
        sb.append(" × ").append(units == null ? 1 : units);
        sb.append(" → ").append(pointed.isEmpty() ? "(no pointer)" : String.join(", ", pointed));
        return sb.toString();
    }

    /** Verdict chips that wrap inside their column. */
    private static Div chips(Span... badges) {
        Div d = new Div(badges);
        d.addClassName("c2c-verdict-chips");
        return d;
    }

    /** A verdict chip: a symbol and the verdict in words as well as the colour (never colour alone). */
    static Span badge(GradeResult.Verdict verdict, String text) {
        Span s = new Span(symbol(verdict) + " " + text);
        s.getElement().getThemeList().add("badge");
        s.getElement()
                .getThemeList()
                .add(
                        switch (verdict) {
                            case CORRECT -> "success";
                            case PARTIAL -> "contrast";
                            default -> "error";
                        });
        s.addClassName("c2c-badge");
        s.getElement().setAttribute("title", verdict.name().toLowerCase(java.util.Locale.ROOT));
        return s;
    }

    static String symbol(GradeResult.Verdict verdict) {
        return switch (verdict) {
            case CORRECT -> "\u2713";
            case PARTIAL -> "\u25D0";
            case WRONG, MISSING -> "\u2717";
        };
    }

    static String verdictWord(GradeResult.Verdict verdict) {
        return switch (verdict) {
            case CORRECT -> "correct";
            case PARTIAL -> "partly right";
            case WRONG -> "wrong";
            case MISSING -> "missing";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
