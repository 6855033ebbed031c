package org.chart2claim.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Navigation targets whose feature is not built yet. When a feature lands, its real view takes the
 * route and the placeholder here is deleted.
 */
public final class ComingSoonViews {

    private ComingSoonViews() {
    }

    @Route("appeals")
    @PageTitle("Appeals · Chart2Claim")
    @RolesAllowed("STUDENT")
    public static class AppealsPage extends ComingSoonPage {
        public AppealsPage() {
            super("Appeals", "Write a denial appeal for a claim the payer denied, with the supporting documentation.");
        }
    }

    @Route("scenarios")
    @PageTitle("Scenarios · Chart2Claim")
    @RolesAllowed("INSTRUCTOR")
    public static class ScenarioAuthoringPage extends ComingSoonPage {
        public ScenarioAuthoringPage() {
            super("Scenarios", "Author and review encounter scenarios: the note, the encounter data and the answer key.");
        }
    }

    @Route("assessments")
    @PageTitle("Assessments · Chart2Claim")
    @RolesAllowed("INSTRUCTOR")
    public static class AssessmentsPage extends ComingSoonPage {
        public AssessmentsPage() {
            super("Assessments", "Timed exams built from scenarios, assigned to a cohort.");
        }
    }

    @Route("gradebook")
    @PageTitle("Gradebook · Chart2Claim")
    @RolesAllowed("INSTRUCTOR")
    public static class GradebookPage extends ComingSoonPage {
        public GradebookPage() {
            super("Gradebook", "Scores of your cohorts' students per scenario and assessment.");
        }
    }

    @Route("practice")
    @PageTitle("Practice · Chart2Claim")
    @RolesAllowed("STUDENT")
    public static class PracticePage extends ComingSoonPage {
        public PracticePage() {
            super("Practice", "Pick a clinical note and code it.");
        }
    }

    @Route("results")
    @PageTitle("My results · Chart2Claim")
    @RolesAllowed("STUDENT")
    public static class ResultsPage extends ComingSoonPage {
        public ResultsPage() {
            super("My results", "Your scores over time and by specialty.");
        }
    }

    @Route("search")
    @PageTitle("Code search · Chart2Claim")
    @jakarta.annotation.security.PermitAll
    public static class SearchPage extends ComingSoonPage {
        public SearchPage() {
            super("Code search", "Search ICD-10-CM, HCPCS Level II and CPT-style procedures.");
        }
    }

    @Route("codebooks")
    @PageTitle("Code books · Chart2Claim")
    @RolesAllowed("ADMIN")
    public static class CodeBooksPage extends ComingSoonPage {
        public CodeBooksPage() {
            super("Code books", "See which code sets are loaded, import the official annual files, choose the active year.");
        }
    }
}
