package org.chart2claim.appeal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.appeal.ActionAnswer;
import org.chart2claim.appeal.ActionRequest;
import org.chart2claim.appeal.AppealAction;
import org.chart2claim.appeal.AppealException;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.appeal.AppealService.WorkItem;
import org.chart2claim.appeal.AppealStore.FilingRow;
import org.chart2claim.appeal.AppealStore.ItemRow;
import org.chart2claim.appeal.ItemStatus;
import org.chart2claim.appeal.RecordDocument;
import org.chart2claim.appeal.WriteOffReason;
import org.chart2claim.billing.ui.ClaimsView;
import org.chart2claim.claim.Claim;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.PriorClaim;

/**
 * One work item: the denied line and what the payer said, its deadline and level, the appeals filed with the
 * payer's decision letters, and the action form — the structured appeal letter (identifiers filled from the
 * claim, documentation picked from the record), a corrected or new claim (the claim builder, pre-filled from the
 * claim as sent), a write-off with its reason, or the other actions. Teaching mode shows the payer's fixing hint; exam mode hides
 * it. Only the item's owner can open it.
 */
@Route("appeals/item")
@PageTitle("Work item · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/appeal.css")
public class WorkItemView extends VerticalLayout implements HasUrlParameter<Long> {
    private final AppealService appeals;
    private final PayerService payer;
    private final String username;

    public final Checkbox examMode = new Checkbox("Exam mode (hide hints)", false);
    public final RadioButtonGroup<AppealAction> action = new RadioButtonGroup<>("Action");
    public final DatePicker on = new DatePicker("Date of the action");
    public final Div form = new Div();
    public final Div filingsBox = new Div();
    public final Paragraph error = new Paragraph();
    public final Button submit = new Button("Take action");
    public final Span status = new Span();
    // appeal letter
    public final TextField letterReason = new TextField("Denial appealed (cite the CARC)");
    public final TextArea letterArgument = new TextArea("Why the decision is wrong");
    public final CheckboxGroup<RecordDocument> letterDocumentation = new CheckboxGroup<>("Documentation enclosed");
    public final TextField letterOutcome = new TextField("Outcome requested");
    public final IntegerField letterLevel = new IntegerField("Appeal level");
    // corrected / new claim: built in the claim builder, pre-filled from this claim
    public final Button openBuilder = new Button("Open the claim builder");
    // write-off
    public final Select<WriteOffReason> writeOffReason = new Select<>();

    private WorkItem item;
    private PriorClaim stored;

    public WorkItemView(AppealService appeals, PayerService payer, CurrentUser currentUser) {
        this.appeals = appeals;
        this.payer = payer;
        this.username = currentUser.requireUsername();
        addClassName("work-item-view");
        examMode.addValueChangeListener(e -> render());
        action.setItems(AppealAction.values());
        action.setItemLabelGenerator(AppealAction::label);
        action.addValueChangeListener(e -> showForm());
        writeOffReason.setLabel("Write-off reason");
        writeOffReason.setItems(WriteOffReason.values());
        writeOffReason.setItemLabelGenerator(WriteOffReason::label);
        letterLevel.setReadOnly(true);
        letterReason.setId("letter-reason");
        letterArgument.setId("letter-argument");
        letterDocumentation.setId("letter-documentation");
        letterOutcome.setId("letter-outcome");
        action.setId("item-action");
        submit.setId("take-action");
        letterArgument.setWidthFull();
        letterArgument.setMinHeight("8em");
        letterReason.setWidthFull();
        letterOutcome.setWidthFull();
        letterDocumentation.setItemLabelGenerator(RecordDocument::label);
        openBuilder.setId("open-claim-builder");
        openBuilder.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        openBuilder.addClickListener(e -> openBuilder());
        error.addClassName("denial-error");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> takeAction());
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        item = id == null ? null : appeals.item(username, id).orElse(null);
        if (item == null) {
            add(
                    new H2("Work item not found"),
                    new Paragraph("There is no work item " + id + " among your denials."),
                    new RouterLink("Back to the denials", DenialsView.class));
            return;
        }
        stored = payer.stored(item.row().payerClaimId(), username).orElse(null);
        prefill();
        render();
    }

    /** The item shown (null when not found). */
    WorkItem item() {
        return item;
    }

    private void reload() {
        item = appeals.item(username, item.id()).orElseThrow();
        render();
    }

    void render() {
        removeAll();
        ItemRow r = item.row();
        add(new RouterLink("← Denials", DenialsView.class));
        add(new H2((r.line() > 0 ? "Line " + r.line() + " · " + r.code() + " · " : "") + r.label() + " · claim "
                + r.claimNumber()));
        status.setText(item.statusText());
        status.addClassName("denial-score");
        add(status, examMode, facts(r));
        if (r.status().scored() && r.score() != null) {
            Div score = new Div(new H3("Score " + r.score() + "/100"), new Paragraph(r.feedback()));
            score.addClassName("denial-card");
            score.setId("item-score");
            add(score);
        }
        filingsBox.removeAll();
        // the letters take the page's width and wrap inside it (left to its content, the box grew past a phone)
        filingsBox.addClassName("appeal-filings");
        List<FilingRow> filings = appeals.filings(item);
        for (FilingRow f : filings) {
            filingsBox.add(letter(r, f));
            if (!f.pending()) {
                filingsBox.add(decisionLetter(r, f));
            }
        }
        if (!filings.isEmpty()) {
            add(new H3("Appeals"), filingsBox);
        }
        List<org.chart2claim.appeal.AppealStore.RetroRow> retro = appeals.retroRequests(item);
        if (!retro.isEmpty()) {
            add(new H3("Retro-authorization"));
            for (var q : retro) {
                Div card = new Div(new Paragraph("Requested " + DisplayDates.date(q.requestedOn()) + " from "
                        + item.payerName()
                        + (q.pending()
                                ? "; the payer answers by " + DisplayDates.date(q.dueOn()) + "."
                                : ". " + q.outcome().toLowerCase(java.util.Locale.ROOT) + " on "
                                        + DisplayDates.date(q.decidedOn()) + ": " + q.explanation())));
                card.addClassNames("decision-letter", q.pending() ? "PENDING" : q.outcome());
                card.setId("retro-" + q.id());
                add(card);
            }
        }
        if (!r.status().closed() && !r.status().pending()) {
            on.setValue(item.today());
            add(new H3("Work it"), action, on, form, error, submit);
            showForm();
        } else if (r.status() == ItemStatus.RETRO_AUTH_REQUESTED) {
            add(new Paragraph("The request is with the payer. Advance the practice date on the Denials page to"
                    + " receive its answer."));
        } else if (r.status() == ItemStatus.APPEALED) {
            add(new Paragraph("The appeal is with the payer. Advance the practice date on the Denials page (\"30 days"
                    + " pass\") to receive the decision."));
        }
    }

    private Component facts(ItemRow r) {
        Div facts = new Div();
        facts.addClassName("denial-facts");
        Claim claim = stored == null ? null : stored.claim();
        fact(facts, "Patient", r.patient());
        fact(
                facts,
                "Member id",
                claim == null || claim.insured() == null ? "" : claim.insured().memberId());
        fact(facts, "Payer", item.payerName());
        fact(facts, "Claim number", r.claimNumber());
        fact(
                facts,
                "Date of service",
                claim == null || claim.firstServiceDate() == null ? "" : DisplayDates.date(claim.firstServiceDate()));
        fact(
                facts,
                "Billed / allowed / paid",
                DenialsView.money(r.billed()) + " / " + DenialsView.money(r.allowed()) + " / "
                        + DenialsView.money(r.paid()));
        fact(facts, "Amount in question", DenialsView.money(r.amount()));
        fact(facts, "Denial", r.label() + (r.rarc().isEmpty() ? "" : " · RARC " + String.join(", ", r.rarc())));
        fact(facts, "Remitted", DisplayDates.date(r.remittedOn()));
        fact(
                facts,
                "Deadline",
                item.deadline() == null
                        ? "—"
                        : DisplayDates.date(item.deadline()) + " (" + item.daysLeft() + " days left)");
        fact(
                facts,
                "Next level",
                item.nextLevel().map(l -> l.number() + ": " + l.name()).orElse("none left"));
        fact(facts, "Practice date", DisplayDates.date(item.today()));
        Div card = new Div(facts, new Paragraph("What the payer said: " + r.explanation()));
        hint(r).filter(h -> !examMode.getValue()).ifPresent(h -> {
            Paragraph p = new Paragraph("Hint: " + h);
            p.addClassName("denial-hint");
            p.setId("payer-hint");
            card.add(p);
        });
        card.add(new RouterLink(
                "Open the remittance", org.chart2claim.billing.ui.RemittanceView.class, r.payerClaimId()));
        if (r.status() == ItemStatus.BILLED_OTHER_PAYER && r.newClaimId() != null) {
            // the claim billed to the other payer (or the secondary claim after it): its own 835
            RouterLink other = new RouterLink(
                    "Open the remittance of the claim billed to the other payer",
                    org.chart2claim.billing.ui.RemittanceView.class,
                    r.newClaimId());
            other.setId("other-payer-remittance");
            card.add(new Paragraph(other));
        }
        card.addClassName("denial-card");
        return card;
    }

    private Optional<String> hint(ItemRow r) {
        if (stored == null || r.line() < 1) {
            return Optional.empty();
        }
        return stored.result().lines().stream()
                .filter(l -> l.line() == r.line())
                .flatMap(l -> l.adjustments().stream())
                .filter(a -> a.carc().equals(r.carc()) && a.group().name().equals(r.group()))
                .map(Adjustment::hint)
                .filter(h -> h != null && !h.isBlank())
                .findFirst();
    }

    private static void fact(Div facts, String label, String value) {
        facts.add(
                new Span(new com.vaadin.flow.component.html.NativeLabel(label), new Span(value == null ? "" : value)));
    }

    private Component letter(ItemRow r, FilingRow f) {
        Div letter = new Div();
        letter.addClassName("appeal-letter");
        Claim claim = stored == null ? null : stored.claim();
        Paragraph head = new Paragraph("Appeal, level " + f.level() + " · filed " + DisplayDates.date(f.filedOn())
                + " · deadline " + DisplayDates.date(f.deadline()) + " · member "
                + (claim == null || claim.insured() == null
                        ? ""
                        : claim.insured().memberId()) + " · claim "
                + r.claimNumber() + " · line " + r.line() + " (" + r.code() + ") · " + r.label());
        head.addClassName("letter-head");
        letter.add(head);
        letter.add(LetterText.body(f.letter()));
        if (f.pending()) {
            letter.add(new Paragraph(
                    f.byInstructor()
                            ? "With your instructor, who reviews it as the payer."
                            : "The payer answers by " + DisplayDates.date(f.dueOn()) + "."));
        }
        return letter;
    }

    private Component decisionLetter(ItemRow r, FilingRow f) {
        Div letter = new Div();
        letter.addClassNames("decision-letter", f.decision().outcome().name());
        letter.setId("decision-" + f.id());
        letter.add(
                new H4("Decision: " + f.decision().outcome().name().toLowerCase(java.util.Locale.ROOT)),
                new Paragraph(item.payerName() + " · " + DisplayDates.date(f.decidedOn()) + " · level " + f.level()
                        + " · claim " + r.claimNumber() + " line " + r.line()
                        + (f.decidedBy() != null ? " · reviewer " + f.decidedBy() : "")),
                new Paragraph(f.decision().explanation()));
        appeals.reprocessing835(username, f, r).ifPresent(x12 -> {
            Pre raw = new Pre(x12);
            raw.addClassName("x12-text");
            letter.add(new Details("Remittance of the reprocessed claim (X12 835)", raw));
        });
        return letter;
    }

    private void prefill() {
        ItemRow r = item.row();
        letterLevel.setValue(r.level() + 1);
        letterDocumentation.setItems(appeals.availableDocumentation(r));
    }

    void showForm() {
        form.removeAll();
        error.setText("");
        AppealAction a = action.getValue();
        boolean inBuilder = a == AppealAction.CORRECTED_CLAIM || a == AppealAction.NEW_CLAIM;
        on.setVisible(!inBuilder);
        submit.setVisible(!inBuilder);
        if (a == null) {
            form.add(new Paragraph("Pick what to do with this line."));
            return;
        }
        Paragraph what = new Paragraph(a.description());
        what.addClassName("denial-hint");
        form.add(what);
        switch (a) {
            case APPEAL -> {
                String level = item.nextLevel()
                        .map(l -> "Level " + l.number() + ": " + l.name())
                        .orElse("no level left");
                VerticalLayout letter = new VerticalLayout(
                        new Paragraph("To " + item.payerName() + " · " + level + " · claim "
                                + item.row().claimNumber() + " · line "
                                + item.row().line() + " (" + item.row().code() + ")"),
                        letterReason,
                        letterArgument,
                        letterDocumentation,
                        letterOutcome);
                letter.setPadding(false);
                letter.addClassName("appeal-letter");
                letter.setId("letter-form");
                form.add(letter);
            }
            case CORRECTED_CLAIM, NEW_CLAIM -> {
                form.add(new Paragraph(
                        a == AppealAction.CORRECTED_CLAIM
                                ? "The claim builder opens with claim "
                                        + item.row().claimNumber()
                                        + " as sent, as a replacement (box 22: frequency 7 and this payer claim number)."
                                        + " Fix the line there and submit it: this item follows the replacement's remittance."
                                : "The claim builder opens with the rejected claim as a new original claim. Fix what the"
                                        + " payer rejected and submit it: this item follows the new claim's answer."));
                form.add(openBuilder);
            }
            case WRITE_OFF -> form.add(writeOffReason);
            default -> {}
        }
    }

    ActionRequest request() {
        AppealAction a = action.getValue();
        String date = on.getValue() == null ? null : on.getValue().toString();
        return switch (a) {
            case APPEAL ->
                new ActionRequest(
                        a.name(),
                        date,
                        new ActionRequest.LetterBody(
                                letterReason.getValue(),
                                letterArgument.getValue(),
                                letterDocumentation.getSelectedItems().stream()
                                        .sorted()
                                        .map(RecordDocument::id)
                                        .toList(),
                                letterOutcome.getValue(),
                                letterLevel.getValue()),
                        null,
                        null,
                        null);
            case WRITE_OFF ->
                new ActionRequest(
                        a.name(),
                        date,
                        null,
                        null,
                        null,
                        writeOffReason.getValue() == null
                                ? null
                                : writeOffReason.getValue().name());
            default -> new ActionRequest(a.name(), date, null, null, null, null);
        };
    }

    /** The claim builder's correction flow for this item's claim (billing: {@code claims?correct=<claim id>}). */
    void openBuilder() {
        getUI().ifPresent(ui -> ui.navigate(
                ClaimsView.class,
                QueryParameters.of("correct", String.valueOf(item.row().payerClaimId()))));
    }

    void takeAction() {
        if (action.getValue() == null) {
            error.setText("Pick an action first.");
            return;
        }
        if (action.getValue() == AppealAction.CORRECTED_CLAIM || action.getValue() == AppealAction.NEW_CLAIM) {
            openBuilder();
            return;
        }
        try {
            ActionAnswer answer = appeals.act(username, item.id(), request());
            Notification.show(answer.explanation(), 6000, Notification.Position.BOTTOM_START);
            action.clear();
            reload();
        } catch (AppealException e) {
            error.setText(e.getMessage());
        }
    }
}
