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

    @Route("scenarios")
    @Menu(title = "Scenarios", order = 20, icon = "vaadin:book")
    @PageTitle("Scenarios · Chart2Claim")
    @RolesAllowed("INSTRUCTOR")
    public static class ScenarioAuthoringPage extends ComingSoonPage {
        public ScenarioAuthoringPage() {
            super(
                    "Scenarios",
                    "Author and review encounter scenarios: the note, the encounter data and the answer key.");
        }
    }
}
