package org.chart2claim.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where {@code /error} sends a browser ({@link ErrorPageRedirect}): the app's own page in the layout. */
@Route("error-page")
@PageTitle("Error · Chart2Claim")
@PermitAll
public class ErrorPageView extends VerticalLayout {

    public ErrorPageView() {
        addClassName("page");
        add(new H2("Something went wrong"));
        add(new Paragraph("The page you asked for could not be shown. Your saved work is kept."));
        add(new Anchor("", "Back to the home page"));
    }
}
