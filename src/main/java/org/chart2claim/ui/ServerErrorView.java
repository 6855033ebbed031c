package org.chart2claim.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own page when opening a page fails unexpectedly (instead of Vaadin's stack-trace page): a short
 * error id for the learner, the stack trace under the same id in the server log.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    private final Paragraph message = new Paragraph();

    public ServerErrorView() {
        addClassName("page");
        message.setId("error-message");
        add(new H2("Something went wrong"), message, new Anchor("", "Back to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UnexpectedErrorHandler.newId();
        log.error("Unexpected error {} opening /{}", id, event.getLocation().getPath(), parameter.getCaughtException());
        message.setText(UnexpectedErrorHandler.message(id));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
