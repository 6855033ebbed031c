package org.chart2claim.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Navigation targets whose feature is not built yet. When a feature lands, its real view takes the
 * route and the placeholder here is deleted.
 */
public final class ComingSoonViews {

    private ComingSoonViews() {}

    @Route("appeals")
    @Menu(title = "Appeals", order = 12, icon = "vaadin:scale")
    @PageTitle("Appeals · Chart2Claim")
    @RolesAllowed("STUDENT")
    public static class AppealsPage extends ComingSoonPage {
        public AppealsPage() {
            super("Appeals", "Write a denial appeal for a claim the payer denied, with the supporting documentation.");
        }
    }

    @Route("assessments")
    @Menu(title = "Assessments", order = 21, icon = "vaadin:clipboard-check")
    @PageTitle("Assessments · Chart2Claim")
    @RolesAllowed("INSTRUCTOR")
    public static class AssessmentsPage extends ComingSoonPage {
        public AssessmentsPage() {
            super("Assessments", "Timed exams built from scenarios, assigned to a cohort.");
        }
    }

    @Route("gradebook")
    @Menu(title = "Gradebook", order = 22, icon = "vaadin:table")
    @PageTitle("Gradebook · Chart2Claim")
    @RolesAllowed("INSTRUCTOR")
    public static class GradebookPage extends ComingSoonPage {
        public GradebookPage() {
            super("Gradebook", "Scores of your cohorts' students per scenario and assessment.");
        }
    }
}
