package org.chart2claim.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** An honest page for a feature that is planned but not built yet: it says so and does nothing else. */
public abstract class ComingSoonPage extends VerticalLayout {

    protected ComingSoonPage(String title, String whatItWillDo) {
        addClassName("page");
        addClassName("coming-soon");
        add(VaadinIcon.TOOLS.create());
        add(new H2(title));
        add(new Paragraph(whatItWillDo));
        add(new Paragraph("This part of Chart2Claim is not built yet."));
    }
}
