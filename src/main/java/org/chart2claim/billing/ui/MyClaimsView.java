package org.chart2claim.billing.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.BillingService;
import org.chart2claim.config.ui.NarrowScreen;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.PayerClaimRecord;

/**
 * "My claims": every claim the logged-in user submitted, newest first, with date, patient, payer, claim numbers,
 * status, money and ledger, and the next step for each: its remittance, a replacement (7) for a processed claim
 * still standing, a new original for a rejected one. Reversals are rows of their own (negative amounts), so the
 * list adds up like the payer's books. Only the caller's own claims are listed.
 */
@Menu(title = "My claims", order = 11.5, icon = "vaadin:list")
@Route("claims/mine")
@PageTitle("My claims · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/claims.css")
public class MyClaimsView extends VerticalLayout {
    public final Grid<PayerClaimRecord> claims = new Grid<>();
    public final Paragraph empty = new Paragraph("You have not submitted a claim yet.");

    public MyClaimsView(BillingService billing, CurrentUser currentUser) {
        addClassName("my-claims-view");
        List<PayerClaimRecord> mine = billing.myClaims(currentUser.requireUsername());
        Set<String> reversed = mine.stream()
                .filter(r -> ClaimStatus.REVERSED.name().equals(r.getStatus()))
                .map(PayerClaimRecord::getPayerClaimNumber)
                .collect(Collectors.toSet());
        List<Grid.Column<PayerClaimRecord>> wide = List.of(
                claims.addColumn(PayerClaimRecord::getReceivedOn)
                        .setHeader("Received")
                        // an ISO date (2026-12-02) on one line, cell padding included, in wide fonts too (DejaVu Sans)
                        .setWidth("8.5em")
                        .setFlexGrow(0),
                claims.addColumn(r -> billing.patientOf(r))
                        .setHeader("Patient")
                        .setWidth("7em")
                        .setFlexGrow(1),
                claims.addColumn(r -> billing.payerName(r.getPayerId()))
                        .setHeader("Payer")
                        .setWidth("7em")
                        .setFlexGrow(1),
                claims.addColumn(PayerClaimRecord::getPayerClaimNumber)
                        .setHeader("Claim number")
                        .setWidth("8.5em")
                        .setFlexGrow(0),
                claims.addColumn(PayerClaimRecord::getStatus)
                        .setHeader("Status")
                        .setWidth("6em")
                        .setFlexGrow(0),
                claims.addColumn(r -> money(r.getBilled()))
                        .setHeader("Billed")
                        .setWidth("5.5em")
                        .setFlexGrow(0),
                claims.addColumn(r -> money(r.getPaid()))
                        .setHeader("Paid")
                        .setWidth("5.5em")
                        .setFlexGrow(0),
                claims.addColumn(r -> money(r.getPatientResponsibility()))
                        .setHeader("Patient resp.")
                        .setWidth("6em")
                        .setFlexGrow(0),
                claims.addComponentColumn(r -> {
                            Span ledger = new Span(r.getLedger());
                            ledger.getStyle().set("overflow-wrap", "anywhere").set("white-space", "normal");
                            return ledger;
                        })
                        .setHeader("Ledger")
                        // a fixed share of the width: a long ledger name wraps instead of pushing the actions off
                        .setWidth("7em")
                        .setFlexGrow(1));
        // the phone layout: one cell per claim with the same facts on three short lines
        Grid.Column<PayerClaimRecord> compact = claims.addComponentColumn(r -> new Div(
                        new Div(r.getReceivedOn() + " · " + billing.patientOf(r)),
                        new Div(billing.payerName(r.getPayerId()) + " · " + r.getPayerClaimNumber()),
                        new Div(r.getStatus() + " · billed " + money(r.getBilled()) + " · paid " + money(r.getPaid())
                                + " · patient " + money(r.getPatientResponsibility()))))
                .setHeader("Claim")
                .setFlexGrow(1);
        compact.setVisible(false);
        claims.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        NarrowScreen.track(this, narrow -> {
            wide.forEach(c -> c.setVisible(!narrow));
            compact.setVisible(narrow);
        });
        // fixed, modest widths (long values wrap): with the stacked next steps the row fits 1400 px without
        // sideways scrolling; the steps stay frozen at the right edge should a narrower window need it
        claims.addComponentColumn(r -> actions(r, reversed))
                .setHeader("")
                .setAutoWidth(true)
                .setFrozenToEnd(true);
        claims.setItems(mine);
        claims.setAllRowsVisible(true);
        add(new H2("My claims"));
        if (mine.isEmpty()) {
            add(empty, new RouterLink("Build a claim", ClaimsView.class));
        } else {
            add(
                    new Paragraph(
                            "Every claim you sent to the payers, newest first. A replacement or void shows the payer's reversal of the original as its own row (status REVERSED, negative amounts)."),
                    claims);
        }
    }

    /** Remittance, and correct (replacement 7) or resubmit (rejected: new original) where that is still possible. */
    static HorizontalLayout actions(PayerClaimRecord r, Set<String> reversed) {
        HorizontalLayout links = new HorizontalLayout();
        links.setSpacing(true);
        // stacked (claims.css): the claim's facts keep the width, at 1400 px and on a phone
        links.addClassName("claim-actions");
        boolean reversal = ClaimStatus.REVERSED.name().equals(r.getStatus());
        if (!reversal) {
            links.add(new RouterLink("Remittance", RemittanceView.class, r.getId()));
        }
        String correct = null;
        if (ClaimStatus.REJECTED.name().equals(r.getStatus())) {
            correct = "Resubmit";
        } else if (!reversal && !reversed.contains(r.getPayerClaimNumber())) {
            correct = "Correct (7)";
        }
        if (correct != null) {
            RouterLink link = new RouterLink(correct, ClaimsView.class);
            link.setQueryParameters(QueryParameters.of("correct", String.valueOf(r.getId())));
            links.add(link);
        }
        return links;
    }

    private static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
