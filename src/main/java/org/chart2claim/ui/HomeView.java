package org.chart2claim.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;

/** The landing page after log-in: where each role starts its work. */
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@Route("")
@PageTitle("Home · Chart2Claim")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser currentUser) {
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
        }
        if (roles.contains(Role.ADMIN)) {
            cards.add(card("Users", "Create, disable and reset accounts.", "users"));
            cards.add(card("Code books", "Which code sets are loaded and active.", "codebooks"));
        }
        add(cards);
    }

    private static Div card(String title, String text, String path) {
        Div card = new Div(new H3(new Anchor(path, title)), new Paragraph(text));
        card.addClassName("home-card");
        return card;
    }
}
