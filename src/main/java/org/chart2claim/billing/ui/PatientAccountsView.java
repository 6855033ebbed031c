package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.billing.posting.LedgerTransaction;
import org.chart2claim.billing.posting.PaymentEntry;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.billing.posting.PracticeLedger;
import org.chart2claim.billing.posting.UnbalancedPostingException;
import org.chart2claim.billing.statement.Statement;
import org.chart2claim.billing.statement.StatementService;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowColumns;

/**
 * The front desk's patient accounts of a ledger: every account's balances (patient, still with the payer, on the
 * denial worklist); one patient's history (every posted transaction, statements sent); posting a payment or refund;
 * printing the statement (PDF). Trying to bill the patient for a denied (CO) amount shows the balance-billing guard.
 */
@Menu(title = "Patient accounts", order = 11.6, icon = "vaadin:wallet")
@Route("billing/accounts")
@PageTitle("Patient accounts · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/billing.css")
public class PatientAccountsView extends VerticalLayout {
    private final PostingService posting;
    private final StatementService statements;
    private final String username;

    public final LedgerClockBar clockBar;
    public final Grid<PracticeLedger.AccountBalance> accounts = new Grid<>();
    public final Div detail = new Div();
    public final Grid<LedgerTransaction> history = new Grid<>();
    public final TextField amount = new TextField("Amount");
    public final Select<String> method = new Select<>();
    public final TextField reference = new TextField("Check no. / card auth.");
    public final Checkbox refund = new Checkbox("Refund (money back from a credit)");
    public final Button post = new Button("Post payment");
    public final Paragraph message = new Paragraph();
    public final Paragraph guard = new Paragraph();
    public Anchor statementPdf;
    public final StatementRunPanel statementRuns;
    private String selected;

    public PatientAccountsView(
            PostingService posting, StatementService statements, LedgerClockService clock, CurrentUser currentUser) {
        this.posting = posting;
        this.statements = statements;
        this.username = currentUser.requireUsername();
        addClassName("billing-view");
        add(
                new H2("Patient accounts"),
                new Paragraph(
                        "Every remittance is posted here on its own: the payer's payment, contractual write-offs, "
                                + "the patient's share (deductible, coinsurance, copay) and denials to work. Post what patients "
                                + "pay, print their statements; statements go out on the practice clock every 30 days."));
        clockBar = new LedgerClockBar(clock, username);
        clockBar.addLedgerChangeListener(l -> refresh());
        clockBar.addAdvanceListener(a -> refresh());
        List<Grid.Column<PracticeLedger.AccountBalance>> wide = List.of(
                accounts.addColumn(PracticeLedger.AccountBalance::patient)
                        .setHeader("Patient")
                        .setAutoWidth(true),
                accounts.addColumn(PracticeLedger.AccountBalance::account)
                        .setHeader("Account")
                        .setAutoWidth(true),
                accounts.addColumn(a -> EligibilityView.money(a.patientBalance()))
                        .setHeader("Patient owes"),
                accounts.addColumn(a -> EligibilityView.money(a.insurance())).setHeader("With payer"),
                accounts.addColumn(a -> EligibilityView.money(a.denial())).setHeader("Denial worklist"));
        // the phone layout: one cell per account, the balances on a second line
        Grid.Column<PracticeLedger.AccountBalance> compact = accounts.addComponentColumn(a -> new Div(
                        new Div(a.patient()),
                        new Div("owes " + EligibilityView.money(a.patientBalance()) + " · with payer "
                                + EligibilityView.money(a.insurance()) + " · denials "
                                + EligibilityView.money(a.denial()))))
                .setHeader("Patient · balances")
                .setFlexGrow(1);
        new NarrowColumns(this).columns(wide, compact);
        accounts.setAllRowsVisible(true);
        accounts.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        accounts.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(a -> open(a.account())));
        history.addColumn(t -> DisplayDates.date(t.postedOn()))
                .setHeader("Posted")
                .setAutoWidth(true);
        var claimColumn = history.addColumn(t -> t.claimNumber().isBlank() ? "" : t.claimNumber() + " / " + t.line())
                .setHeader("Claim / line")
                .setAutoWidth(true);
        var codeColumn =
                history.addColumn(LedgerTransaction::code).setHeader("Code").setAutoWidth(true);
        history.addColumn(t -> t.type().label() + (t.label().isBlank() ? "" : " " + t.label()))
                .setHeader("Transaction")
                .setAutoWidth(true);
        history.addColumn(t -> EligibilityView.money(t.amount()))
                .setHeader("Amount")
                .setAutoWidth(true);
        history.addComponentColumn(t -> {
                    if (!StatementService.movable(t)) {
                        return new Div();
                    }
                    Button bill = new Button("Bill to patient", e -> tryBilling(t));
                    bill.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    return bill;
                })
                .setHeader("")
                .setAutoWidth(true);
        var noteColumn =
                history.addColumn(LedgerTransaction::note).setHeader("Note").setFlexGrow(2);
        NarrowColumns.hideWhenNarrow(this, List.of(claimColumn, codeColumn, noteColumn));
        history.setAllRowsVisible(true);
        method.setLabel("Method");
        method.setItems("cash", "check", "card");
        method.setValue("cash");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(e -> postPayment());
        guard.addClassName("billing-note");
        statementRuns = new StatementRunPanel(statements, username);
        add(clockBar, accounts, detail, statementRuns);
        refresh();
    }

    void refresh() {
        String ledger = clockBar.selectedLedger();
        detail.removeAll();
        statementRuns.show(ledger);
        if (ledger == null) {
            accounts.setItems(List.of());
            detail.add(new Paragraph("No ledger yet: submit a claim first."));
            return;
        }
        accounts.setItems(posting.ledger(username, ledger).accounts());
        if (selected != null) {
            open(selected);
        }
    }

    /** Opens one patient's history, statements and payment form. */
    public void open(String account) {
        String ledger = clockBar.selectedLedger();
        PracticeLedger books = posting.ledger(username, ledger);
        PracticeLedger.AccountBalance a = books.account(account).orElse(null);
        detail.removeAll();
        if (a == null) {
            return;
        }
        selected = account;
        history.setItems(books.transactions().stream()
                .filter(t -> t.account().equals(account))
                .toList());
        detail.add(
                new H3(a.patient() + " · account " + account),
                new Paragraph("Patient owes " + EligibilityView.money(a.patientBalance()) + " · with the payer "
                        + EligibilityView.money(a.insurance()) + " · on the denial worklist "
                        + EligibilityView.money(a.denial())),
                history,
                guard);
        List<StatementService.Sent> sent = statements.sent(username, ledger).stream()
                .filter(s -> s.account().equals(account))
                .toList();
        detail.add(new H3("Statements"));
        detail.add(new Paragraph(
                sent.isEmpty()
                        ? "No statement sent yet: the first goes out when the practice clock passes the day a patient balance"
                                + " appeared, then every 30 days."
                        : String.join(
                                " · ",
                                sent.stream()
                                        .map(s -> "No. " + s.cycle() + " on " + DisplayDates.date(s.date()) + " for "
                                                + EligibilityView.money(s.balance()))
                                        .toList())));
        statementPdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] pdf = statements.pdf(username, ledger, account).orElse(new byte[0]);
                    return new DownloadResponse(
                            new ByteArrayInputStream(pdf),
                            "statement-" + account + ".pdf",
                            "application/pdf",
                            pdf.length);
                }),
                "Print statement (PDF)");
        statementPdf.getElement().setAttribute("target", "_blank");
        statementPdf.setId("statement-pdf");
        detail.add(statementPdf);
        FlexLayout form = new FlexLayout(amount, method, reference, refund, post);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        detail.add(new H3("Post a payment"), form, message);
    }

    void postPayment() {
        String ledger = clockBar.selectedLedger();
        if (ledger == null || selected == null) {
            message.setText("Pick a patient first.");
            return;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.getValue().trim().replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            message.setText("'" + amount.getValue() + "' is not an amount.");
            return;
        }
        try {
            posting.postPayments(
                    username,
                    ledger,
                    List.of(new PaymentEntry(
                            selected, value, method.getValue(), reference.getValue(), refund.getValue(), null)),
                    null);
        } catch (PracticeLedger.PostingRefused | UnbalancedPostingException e) {
            message.setText("Not posted: " + e.getMessage());
            return;
        }
        String account = selected;
        String what = refund.getValue() ? "Refund" : "Payment";
        amount.clear();
        reference.clear();
        refund.setValue(false);
        refresh();
        open(account);
        message.setText(
                (refund.getValue() ? "Refund" : "Payment") + " of " + EligibilityView.money(value) + " posted.");
    }

    void tryBilling(LedgerTransaction t) {
        try {
            guard.setText(statements.billToPatient(username, clockBar.selectedLedger(), t.id()));
        } catch (Statement.BalanceBillingRefused e) {
            guard.setText("Not billed to the patient: " + e.getMessage());
        }
    }
}
