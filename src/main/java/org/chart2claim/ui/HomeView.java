package org.chart2claim.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;
import org.chart2claim.authoring.Dispute;
import org.chart2claim.authoring.DisputeService;
import org.chart2claim.authoring.ui.DisputeFeedbackSection;

/** The landing page after log-in: where each role starts its work. */
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@Route("")
@PageTitle("Home · Chart2Claim")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser currentUser, DisputeService disputes) {
        addClassName("page");
        add(new H2("Welcome, " + currentUser.username().orElse("")));
        add(new Paragraph("Chart2Claim walks one encounter through the revenue cycle: read the note, find the "
                + "codes, build the claim, see how the payer answers, and fix what it denied."));

        Set<Role> roles = currentUser.roles();
        Div cards = new Div();
        cards.addClassName("card-grid");
        cards.add(card(
                "Search the code books",
                "ICD-10-CM, HCPCS Level II and CPT-style procedures, by words, " + "abbreviations or code.",
                "search"));
        if (roles.contains(Role.STUDENT)) {
            cards.add(card("Practise coding", "Pick a clinical note and code it.", "practice"));
            cards.add(card("My results", "Scores and progress over time.", "results"));
        }
        if (roles.contains(Role.INSTRUCTOR)) {
            cards.add(card("Cohorts", "Your classes and their students.", "cohorts"));
            cards.add(card("Scenarios", "Author, version, import and export encounter scenarios.", "scenarios"));
            int open = disputes.queue(Dispute.Status.OPEN, currentUser.requireUsername(), roles)
                    .size();
            cards.add(card(
                    "Key disputes (" + open + " open)",
                    "Students who disagree with an answer key, beside the note and their attempt.",
                    "scenarios/disputes"));
        }
        if (roles.contains(Role.ADMIN)) {
            cards.add(card("Users", "Create, disable and reset accounts.", "users"));
            cards.add(card("Code books", "Which code sets are loaded and active.", "codebooks"));
        }
        add(cards);
        if (roles.contains(Role.STUDENT)) {
            List<DisputeService.View> mine = disputes.mine(currentUser.requireUsername());
            if (!mine.isEmpty()) {
                UnorderedList outcomes = new UnorderedList();
                outcomes.setId("my-disputes");
                mine.stream()
                        .limit(5)
                        .forEach(d -> outcomes.add(new ListItem(
                                new Anchor("results/attempt/" + d.attemptId(), d.scenarioTitle()),
                                new Span(" — " + DisputeFeedbackSection.outcome(d)))));
                add(new H3("Your answer-key disputes"), outcomes);
            }
        }
    }

    private static Div card(String title, String text, String path) {
        Div card = new Div(new H3(new Anchor(path, title)), new Paragraph(text));
        card.addClassName("home-card");
        return card;
    }
}
