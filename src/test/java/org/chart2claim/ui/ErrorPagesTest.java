package org.chart2claim.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ErrorEvent;
import jakarta.annotation.security.PermitAll;
import org.chart2claim.account.Role;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Unexpected failures show the app's own page or notification with an error id, never Vaadin's stack trace. */
class ErrorPagesTest extends KaribuTest {
    static final String WITH_ID =
            "Something went wrong on our side \\(error [0-9a-f]{8}\\)\\. Your saved work is kept; try again, .*";

    /** A page whose opening fails (registered for this test's session only, not in the app). */
    @PermitAll
    public static class FailingView extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException("deliberate failure for the error-page test");
        }
    }

    @Autowired
    UnexpectedErrorHandler handler;

    @Test
    void aPageThatFailsToOpenShowsTheServerErrorPageWithAnErrorId() {
        login("student", Role.STUDENT);
        RouteConfiguration.forSessionScope().setRoute("failing-for-test", FailingView.class);

        UI.getCurrent().navigate("failing-for-test");

        ServerErrorView page = _get(ServerErrorView.class);
        assertThat(_get(page, Paragraph.class, spec -> spec.withId("error-message"))
                        .getText())
                .matches(WITH_ID);
    }

    @Test
    void anUnexpectedErrorInAViewShowsANotificationWithAnErrorId() {
        login("student", Role.STUDENT);

        handler.error(new ErrorEvent(new IllegalStateException("deliberate failure for the handler test")));

        assertThat(getNotifications()).hasSize(1);
        assertThat(getNotifications().getFirst().getElement().getProperty("text"))
                .matches(WITH_ID);
    }
}
