package org.chart2claim.billing.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.billing.ar.ArService;
import org.chart2claim.billing.clock.LedgerClockService;

/** The A/R dashboard for instructors: a student of one of their cohorts (administrators: anyone), then a ledger. */
@Menu(title = "Cohort A/R", order = 25, icon = "vaadin:chart-grid")
@Route("teaching/ar")
@PageTitle("Cohort A/R · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/billing.css")
public class CohortArView extends ArDashboardView {
    public CohortArView(ArService ar, LedgerClockService clock, CurrentUser currentUser) {
        super(ar, clock, currentUser, true);
    }
}
