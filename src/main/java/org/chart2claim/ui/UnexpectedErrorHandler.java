package org.chart2claim.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a learner sees when a view throws unexpectedly: a notification with a short error id instead of
 * Vaadin's bare error, while the server log keeps the stack trace under the same id (so a teacher can quote
 * the id and an administrator finds the trace).
 */
@Component
public class UnexpectedErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String id = newId();
        log.error("Unexpected error {} in the UI", id, event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification shown = Notification.show(message(id), 8000, Notification.Position.MIDDLE);
            shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static String message(String id) {
        return "Something went wrong on our side (error " + id + "). Your saved work is kept; try again, "
                + "and quote the error id if it happens again.";
    }

    /** Eight hex digits: short enough to read out, unique enough to find in a log. */
    static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
