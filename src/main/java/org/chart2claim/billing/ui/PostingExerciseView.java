package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.exercise.HandPosting;
import org.chart2claim.billing.exercise.PostingExerciseService;
import org.chart2claim.billing.exercise.PostingGrade;
import org.chart2claim.billing.exercise.PostingRubric;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowColumns;
import org.chart2claim.payer.LineResult;

/**
 * The hand-posting exercise: pick an answered claim of a ledger, read its ERA (the raw 835, or the same as an EOB)
 * and post it by hand, line by line (paid, each CAS adjustment with group, CARC, amount and what it is posted as,
 * the patient's responsibility). The posting is scored against the automatic posting ({@link PostingRubric}) with
 * an explanation for each difference; the first attempt on a claim counts on My results.
 */
@Menu(title = "Post an ERA by hand", order = 11.7, icon = "vaadin:edit")
@Route("billing/posting-exercise")
@PageTitle("Post an ERA by hand · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/billing.css")
public class PostingExerciseView extends VerticalLayout implements HasUrlParameter<Long> {
    private final PostingExerciseService exercises;
    private final PostingService posting;
    private final String username;

    public final Select<String> ledger = new Select<>();
    public final Grid<PostingExerciseService.Exercise> claims = new Grid<>();
    public final Pre raw835 = new Pre();
    public final Grid<LineResult> eob = new Grid<>();
    public final List<PostingLineForm> lines = new ArrayList<>();
    public final Button submit = new Button("Post and score");
    public final Paragraph message = new Paragraph();
    public final Div result = new Div();
    public final Span score = new Span();
    /** One card per difference: what, yours, the 835's, points, why (wraps at any width). */
    public final Div differences = new Div();
    /** The differences shown, in order. */
    public List<PostingGrade.Check> shownDifferences = List.of();

    public final Grid<LedgerTransaction> automatic = new Grid<>();
    private long claimId;

    public PostingExerciseView(PostingExerciseService exercises, PostingService posting, CurrentUser currentUser) {
        this.exercises = exercises;
        this.posting = posting;
        this.username = currentUser.requireUsername();
        addClassName("billing-view");
        addClassName("posting-exercise");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        removeAll();
        if (id == null) {
            showList();
            return;
        }
        PostingExerciseService.Era era = exercises.era(username, id).orElse(null);
        if (era == null) {
            add(
                    new H2("ERA not found"),
                    new Paragraph("There is no answered claim " + id + " of yours to post (rejected claims and"
                            + " reversals have no ERA lines to post)."),
                    new RouterLink("Post an ERA by hand", PostingExerciseView.class));
            return;
        }
        showExercise(era);
    }

    private void showList() {
        add(
                new H2("Post an ERA by hand"),
                new Paragraph(
                        "Billing offices post most ERAs automatically, but a poster must be able to read one: pick"
                                + " an answered claim, read its 835 and post each line yourself. Your posting is compared with"
                                + " the automatic posting, transaction by transaction; the first attempt on a claim counts."));
        List<String> ledgers = posting.ledgers(username);
        if (ledgers.isEmpty()) {
            add(new Paragraph("No ledger yet: submit a claim first (Claims)."));
            return;
        }
        ledger.setLabel("Ledger");
        ledger.setItems(ledgers);
        claims.removeAllColumns();
        claims.addColumn(e -> e.claim().payerClaimNumber()).setHeader("Claim").setAutoWidth(true);
        var account = claims.addColumn(e -> e.claim().account())
                .setHeader("Patient account")
                .setFlexGrow(1);
        var service = claims.addColumn(e -> DisplayDates.date(e.claim().serviceDate()))
                .setHeader("Service")
                .setAutoWidth(true);
        NarrowColumns.hideWhenNarrow(this, List.of(account, service));
        claims.addColumn(e -> EligibilityView.money(e.claim().billed()))
                .setHeader("Billed")
                .setAutoWidth(true);
        claims.addColumn(e -> e.score() == null
                        ? "to do"
                        : e.score() + " (" + e.attempts() + (e.attempts() == 1 ? " attempt)" : " attempts)"))
                .setHeader("Your score")
                // takes the room that is left and wraps in it: "0 (1 attempt)" must not push a phone's grid sideways
                .setFlexGrow(1);
        claims.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        claims.setAllRowsVisible(true);
        claims.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(PostingExerciseView.class, e.getItem().claim().claimId())));
        ledger.addValueChangeListener(
                e -> claims.setItems(e.getValue() == null ? List.of() : exercises.exercises(username, e.getValue())));
        ledger.setValue(ledgers.contains("default") ? "default" : ledgers.getFirst());
        add(ledger, claims);
    }

    private void showExercise(PostingExerciseService.Era era) {
        claimId = era.claimId();
        raw835.setText(era.x12());
        raw835.addClassName("x12-text");
        Details rawBox = new Details("The 835 as received (raw X12)", raw835);
        rawBox.setOpened(true);
        eob.removeAllColumns();
        eob.addColumn(LineResult::line).setHeader("Line").setAutoWidth(true);
        eob.addColumn(LineResult::code).setHeader("Code").setAutoWidth(true);
        eob.addColumn(l -> EligibilityView.money(l.billed()))
                .setHeader("Billed")
                .setAutoWidth(true);
        var allowed = eob.addColumn(l -> EligibilityView.money(l.allowed()))
                .setHeader("Allowed")
                .setAutoWidth(true);
        eob.addColumn(l -> EligibilityView.money(l.paid())).setHeader("Paid").setAutoWidth(true);
        eob.addColumn(l -> l.adjustments().stream()
                        .map(a -> a.label() + " " + EligibilityView.money(a.amount()))
                        .collect(Collectors.joining(", ")))
                .setHeader("Adjustments (CAS)")
                .setFlexGrow(2);
        eob.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        NarrowColumns.hideWhenNarrow(this, List.of(allowed));
        eob.setItems(era.result().lines());
        eob.setAllRowsVisible(true);
        add(
                new H2("Post the ERA of claim " + era.result().payerClaimNumber()),
                new Paragraph(era.result().payerName() + " · " + era.result().patientFirstName() + " "
                        + era.result().patientLastName() + " · ledger " + era.ledger()
                        + ". For each service line (SVC) enter what the payer paid, each adjustment of its CAS"
                        + " segments (group, reason code, amount) with the transaction you post it as, and what the"
                        + " patient owes. Every line must balance: billed = paid + adjustments."),
                rawBox,
                new Details("The same ERA as an EOB", eob));
        lines.clear();
        Div forms = new Div();
        forms.addClassName("posting-lines");
        for (LineResult l : era.result().lines()) {
            PostingLineForm form = new PostingLineForm(l);
            lines.add(form);
            forms.add(form);
        }
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        result.addClassName("posting-result");
        add(forms, submit, message, result, new RouterLink("Other ERAs to post", PostingExerciseView.class));
    }

    /** Reads the form, scores it and shows the score, the differences and the automatic posting. */
    public void submit() {
        List<HandPosting.Line> posted = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PostingLineForm f : lines) {
            posted.add(f.read(problems));
        }
        if (!problems.isEmpty()) {
            message.setText("Not scored: " + String.join(" ", problems));
            return;
        }
        message.setText("");
        PostingExerciseService.Scored scored =
                exercises.submit(username, claimId, new HandPosting(posted)).orElse(null);
        if (scored == null) {
            message.setText("This claim is no longer yours to post.");
            return;
        }
        showScore(scored);
    }

    private void showScore(PostingExerciseService.Scored scored) {
        result.removeAll();
        PostingGrade grade = scored.grade();
        score.setText(grade.score() + " / 100");
        score.addClassName("posting-score");
        differences.removeAll();
        differences.addClassName("posting-differences");
        shownDifferences = grade.differences();
        for (PostingGrade.Check c : shownDifferences) {
            Div card = new Div();
            card.addClassName("posting-difference");
            Span head = new Span("Line " + c.line() + " · " + c.what() + " · "
                    + (c.penalty() > 0 ? "−" + points(c.penalty()) : points(c.earned()) + " / " + c.available())
                    + " points");
            head.addClassName("posting-difference-head");
            card.add(
                    head,
                    new Div("You: " + (c.entered().isBlank() ? "nothing" : c.entered()) + " · the 835: "
                            + (c.expected().isBlank() ? "nothing" : c.expected())),
                    new Div(c.explanation()));
            differences.add(card);
        }
        automatic.removeAllColumns();
        automatic.addColumn(LedgerTransaction::line).setHeader("Line").setAutoWidth(true);
        automatic
                .addColumn(t -> t.type().label() + (t.label().isBlank() ? "" : " " + t.label()))
                .setHeader("Transaction")
                .setFlexGrow(1);
        automatic
                .addColumn(t -> EligibilityView.money(t.amount()))
                .setHeader("Amount")
                .setAutoWidth(true);
        automatic.setItems(scored.automatic());
        automatic.setAllRowsVisible(true);
        automatic.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        result.add(
                new H3("Score"),
                score,
                new Paragraph((scored.attempt().counted()
                                ? "This first attempt counts on My results."
                                : "A repeat: only your first attempt on this claim counts.")
                        + " Earned " + points(grade.earned()) + " of " + grade.available()
                        + (grade.penalties() > 0 ? ", −" + points(grade.penalties()) + " for extra entries" : "")
                        + "."),
                new H3(
                        grade.differences().isEmpty()
                                ? "No difference: you posted what the automatic posting posted."
                                : grade.differences().size() + " differences from the automatic posting"));
        if (!grade.differences().isEmpty()) {
            result.add(differences);
        }
        result.add(new H3("The automatic posting"), automatic);
    }

    static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }
}
