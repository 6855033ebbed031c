package org.chart2claim.billing.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.eligibility.EligibilityService;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.config.ui.NarrowColumns;
import org.chart2claim.config.ui.NarrowScreen;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.PriorClaim;
import org.chart2claim.payer.Rejection;

/**
 * Remittance for one submitted claim, EOB-style: status and totals, each line's billed/allowed/paid with its
 * adjustments (group, CARC, RARC, amount, the edit and a plain-language explanation, plus in teaching mode a
 * hint how to fix it), and the raw X12 835. Only the claim's owner can open it.
 */
@Route("claims/remittance")
@PageTitle("Remittance · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/claims.css")
public class RemittanceView extends VerticalLayout implements HasUrlParameter<Long> {
    private final PayerService payer;
    private final CurrentUser currentUser;
    private final EligibilityService eligibility;
    private final PostingService posting;
    /** The transactions this remittance posted to the practice ledger (the ERA as the books see it). */
    public final Grid<LedgerTransaction> posted = new Grid<>();
    /** For an eligibility denial: whether a 270/271 check was run before the claim went out. */
    public final Paragraph eligibilityNote = new Paragraph();

    public final Span status = new Span();
    public final Grid<LineResult> linesGrid = new Grid<>();
    public final UnorderedList adjustments = new UnorderedList();
    public final Checkbox teachingMode = new Checkbox("Teaching mode (show how to fix each denial)", true);
    public final Pre raw835 = new Pre();
    /** The payer's reversal that goes with this claim (of the original it replaces or voids, or of itself). */
    public final Div reversalSection = new Div();

    private ClaimResult result;
    private ClaimResult reversal;
    private long recordId;
    /** Phone width ({@link NarrowScreen}): the grids show one compact column. */
    private final NarrowColumns narrow = new NarrowColumns(this);

    public RemittanceView(
            PayerService payer, CurrentUser currentUser, EligibilityService eligibility, PostingService posting) {
        this.payer = payer;
        this.posting = posting;
        this.eligibility = eligibility;
        this.currentUser = currentUser;
        addClassName("remittance-view");
        teachingMode.addValueChangeListener(e -> render());
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        removeAll();
        if (id == null) {
            // no claim named: the list of the caller's claims is where a remittance is picked
            event.forwardTo(MyClaimsView.class);
            return;
        }
        PriorClaim stored = payer.stored(id, currentUser.requireUsername()).orElse(null);
        if (stored == null) {
            add(
                    new H2("Remittance not found"),
                    new Paragraph("There is no claim " + id + " among your submissions."),
                    new RouterLink("My claims", MyClaimsView.class));
            return;
        }
        result = stored.result();
        reversal = payer.reversalFor(id, currentUser.requireUsername()).orElse(null);
        recordId = id;
        render();
    }

    void render() {
        removeAll();
        narrow.clear();
        ClaimResult shown = (teachingMode.getValue() ? Disclosure.TEACHING : Disclosure.EXAM).show(result);
        status.setText(shown.status().name());
        status.setClassName("eob-status " + shown.status().name());
        add(
                new H2("Remittance advice · " + shown.payerName()),
                status,
                new Paragraph("Payer claim " + shown.payerClaimNumber() + " · patient account "
                        + shown.patientControlNumber() + " · member " + shown.memberId() + " · "
                        + shown.patientFirstName() + " " + shown.patientLastName()),
                new Paragraph("Billed " + money(shown.billed()) + " · paid " + money(shown.paid())
                        + " · patient responsibility " + money(shown.patientResponsibility())),
                teachingMode);
        if (shown.status() == ClaimStatus.REJECTED) {
            UnorderedList reasons = new UnorderedList();
            for (Rejection r : shown.rejections()) {
                reasons.add(new ListItem(r.field() + ": " + r.reason()));
            }
            add(
                    new Paragraph(
                            "The clearinghouse rejected the claim before adjudication (277CA). Fix it and submit it again as a new original claim:"),
                    reasons);
        } else {
            linesGrid.removeAllColumns();
            List<Grid.Column<LineResult>> wide = List.of(
                    linesGrid.addColumn(LineResult::line).setHeader("Line").setAutoWidth(true),
                    linesGrid.addColumn(RemittanceView::codeWithModifiers).setHeader("Code"),
                    linesGrid.addColumn(LineResult::units).setHeader("Units"),
                    linesGrid.addColumn(l -> money(l.billed())).setHeader("Billed"),
                    linesGrid.addColumn(l -> money(l.allowed())).setHeader("Allowed"),
                    linesGrid.addColumn(l -> money(l.paid())).setHeader("Paid"),
                    linesGrid
                            .addColumn(RemittanceView::adjustmentsOf)
                            .setHeader("Adjustments")
                            .setFlexGrow(2));
            // the phone layout: one cell per line, the same facts on short lines that wrap
            Grid.Column<LineResult> compact = linesGrid
                    .addComponentColumn(l -> new Div(
                            new Div("Line " + l.line() + " · " + codeWithModifiers(l) + " × " + l.units()),
                            new Div("billed " + money(l.billed()) + " · allowed " + money(l.allowed()) + " · paid "
                                    + money(l.paid())),
                            new Div(adjustmentsOf(l))))
                    .setHeader("Line")
                    .setFlexGrow(1);
            narrow.columns(wide, compact);
            linesGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            linesGrid.setItems(shown.lines());
            linesGrid.setAllRowsVisible(true);
            adjustments.removeAll();
            for (LineResult l : shown.lines()) {
                for (Adjustment a : l.adjustments()) {
                    adjustments.add(explain(l, a));
                }
            }
            add(linesGrid, new H2("Why"), adjustments);
            eligibilityFeedback(shown);
        }
        reversalSection.removeAll();
        List<ClaimResult> remitted = List.of(shown);
        if (reversal != null) {
            boolean ofThisClaim = reversal.payerClaimNumber().equals(shown.payerClaimNumber());
            reversalSection.add(
                    new H2(ofThisClaim ? "Reversed" : "Reversal of the original claim " + reversal.payerClaimNumber()),
                    new Paragraph((ofThisClaim
                                    ? "A replacement or void took this claim back (835 claim status 22): "
                                    : "Before adjudicating this replacement the payer took the original back (835 claim status 22): ")
                            + "billed " + money(reversal.billed()) + " · paid " + money(reversal.paid())
                            + " · patient responsibility " + money(reversal.patientResponsibility())
                            + ". Its deductible and other cost sharing went back to the member."));
            add(reversalSection);
            remitted = ofThisClaim ? List.of(shown, reversal) : List.of(reversal, shown);
        }
        raw835.setText(
                shown.status() == ClaimStatus.REJECTED
                        ? "(no 835: rejected claims are answered by a 277CA, not a remittance)"
                        : payer.write835(remitted));
        raw835.addClassName("x12-text");
        add(new Details("Raw X12 835", raw835));
        showPosting(shown);
        boolean standing = reversal == null || !reversal.payerClaimNumber().equals(shown.payerClaimNumber());
        if (standing) {
            String correctLabel = shown.status() == ClaimStatus.REJECTED
                    ? "Fix and resubmit as a new claim"
                    : "Correct with a replacement claim (7)";
            RouterLink correct = new RouterLink(correctLabel, ClaimsView.class);
            correct.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("correct", String.valueOf(recordId)));
            add(correct);
        }
        add(new RouterLink("My claims", MyClaimsView.class), new RouterLink("Build another claim", ClaimsView.class));
    }

    /** The ERA as posted: the ledger's transactions of this claim number (reversals included). */
    private void showPosting(ClaimResult shown) {
        String username = currentUser.requireUsername();
        String ledger = payer.record(recordId, username).map(r -> r.getLedger()).orElse(null);
        if (ledger == null || shown.status() == ClaimStatus.REJECTED) {
            return;
        }
        List<LedgerTransaction> mine = posting.ledger(username, ledger).transactions().stream()
                .filter(t -> t.claimNumber().equals(shown.payerClaimNumber()))
                .toList();
        posted.removeAllColumns();
        List<Grid.Column<LedgerTransaction>> wide = List.of(
                posted.addColumn(LedgerTransaction::line).setHeader("Line").setAutoWidth(true),
                posted.addColumn(LedgerTransaction::code).setHeader("Code").setAutoWidth(true),
                posted.addColumn(RemittanceView::transactionOf)
                        .setHeader("Transaction")
                        .setAutoWidth(true),
                posted.addColumn(t -> money(t.amount())).setHeader("Amount").setAutoWidth(true),
                posted.addColumn(t -> t.postedOn().toString())
                        .setHeader("Posted")
                        .setAutoWidth(true));
        Grid.Column<LedgerTransaction> compact = posted.addComponentColumn(t -> new Div(
                        new Div("Line " + t.line() + " · " + t.code() + " · " + money(t.amount())),
                        new Div(transactionOf(t) + " · " + t.postedOn())))
                .setHeader("Transaction")
                .setFlexGrow(1);
        narrow.columns(wide, compact);
        posted.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        posted.setItems(mine);
        posted.setAllRowsVisible(true);
        add(
                new H2("Posted to the practice ledger"),
                new Paragraph("Ledger " + ledger + ": the charge, the payment, contractual write-offs, the patient's "
                        + "share (to the patient account) and denials (to the denial worklist). Billed = paid + "
                        + "adjustments + open balance, to the cent."),
                posted,
                new RouterLink("Patient accounts", PatientAccountsView.class));
    }

    /** Switches the grids to their phone layout (one cell per row) or back ({@link NarrowScreen}). */
    void phoneWidth(boolean n) {
        narrow.phoneWidth(n);
    }

    private static String codeWithModifiers(LineResult l) {
        return l.code() + (l.modifiers().isEmpty() ? "" : "-" + String.join("-", l.modifiers()));
    }

    private static String adjustmentsOf(LineResult l) {
        return l.adjustments().stream()
                .map(a -> a.label() + " " + money(a.amount()))
                .collect(Collectors.joining(", "));
    }

    private static String transactionOf(LedgerTransaction t) {
        return t.type().label() + (t.label().isBlank() ? "" : " " + t.label());
    }

    /** CARCs of an eligibility denial: not our insured, before coverage, after coverage. */
    static final java.util.Set<String> ELIGIBILITY_CARCS = java.util.Set.of("26", "27", "31");

    private void eligibilityFeedback(ClaimResult shown) {
        boolean eligibilityDenial = shown.lines().stream()
                .flatMap(l -> l.adjustments().stream())
                .anyMatch(a -> ELIGIBILITY_CARCS.contains(a.carc()) && a.group() == org.chart2claim.payer.GroupCode.CO);
        if (!eligibilityDenial) {
            return;
        }
        String username = currentUser.requireUsername();
        java.time.Instant submitted =
                payer.record(recordId, username).map(r -> r.getSubmittedAt()).orElse(null);
        var check = eligibility
                .latestCheck(username, shown.payerId(), shown.memberId())
                .filter(c -> submitted == null || !c.checkedAt().isAfter(submitted));
        eligibilityNote.addClassName("eligibility-feedback");
        if (check.isEmpty()) {
            eligibilityNote.setText(
                    "Eligibility was not checked before this claim went out: a 270/271 would have shown "
                            + "this. Check eligibility before the visit (Eligibility), then bill the plan that covers the date.");
        } else {
            var a = check.get().answer();
            eligibilityNote.setText("You checked eligibility before submitting; the payer answered "
                    + (a.active()
                            ? "active coverage for " + a.dateOfService()
                            : "NOT active (" + a.reason() + "): " + a.message())
                    + ". Compare that answer with the denial.");
        }
        add(eligibilityNote);
    }

    private static String money(java.math.BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static ListItem explain(LineResult l, Adjustment a) {
        ListItem item = new ListItem();
        String rarc = a.rarc().isEmpty() ? "" : " (" + String.join(", ", a.rarc()) + ")";
        item.add(new Span("Line " + l.line() + " " + l.code() + " — " + a.label() + rarc + " " + money(a.amount())
                + " [" + a.edit() + "]: " + a.explanation()));
        if (a.hint() != null) {
            Div hint = new Div("How to fix: " + a.hint());
            hint.addClassName("eob-hint");
            item.add(hint);
        }
        return item;
    }
}
