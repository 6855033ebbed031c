package org.chart2claim.account.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.chart2claim.account.security.ThrottlingAuthenticationManager;
import org.springframework.security.web.WebAttributes;

/**
 * The one page anybody may see. Failed logins get one message whether or not the user exists, and keep the
 * user name that was typed.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Chart2Claim")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String BAD_CREDENTIALS = "The user name or password is not correct, or the account is disabled.";

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle("Could not log in");
        error.setMessage(BAD_CREDENTIALS);
        i18n.setErrorMessage(error);
        i18n.getForm().setTitle("Log in");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        H1 brand = new H1("Chart2Claim");
        brand.addClassName("brand-title");
        Paragraph tagline = new Paragraph("From the chart to the claim: practise medical coding and billing "
                + "on realistic notes, real code books and a payer that behaves like one.");
        tagline.addClassName("brand-tagline");
        Div card = new Div(brand, tagline, login);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // The form posts natively and a failure reloads the page: the browser keeps the user name for this tab
        // (sessionStorage, never the password) and puts it back after a failed attempt.
        login.getElement().executeJs("""
                const form = this;
                const key = 'c2c-login-username';
                form.addEventListener('login', e => {
                  try { sessionStorage.setItem(key, (e.detail && e.detail.username) || ''); } catch (ignored) {}
                });
                if (!form.error) return;
                let name = null;
                try { name = sessionStorage.getItem(key); } catch (ignored) {}
                if (!name) return;
                customElements.whenDefined('vaadin-login-form').then(() => requestAnimationFrame(() => {
                  const user = document.getElementById('vaadinLoginUsername');
                  const password = document.getElementById('vaadinLoginPassword');
                  if (user) { user.value = name; }
                  if (password) { password.focus(); }
                }));""");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            i18n.getErrorMessage()
                    .setMessage(throttled()
                            .map(ThrottlingAuthenticationManager.TooManyAttemptsException::getMessage)
                            .orElse(BAD_CREDENTIALS));
            login.setI18n(i18n);
            login.setError(true);
        }
    }

    /** The failed login was refused by the brute-force brake (the form then says how long to wait). */
    private static Optional<ThrottlingAuthenticationManager.TooManyAttemptsException> throttled() {
        if (!(VaadinRequest.getCurrent() instanceof VaadinServletRequest request)) {
            return Optional.empty();
        }
        HttpSession session = request.getHttpServletRequest().getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof ThrottlingAuthenticationManager.TooManyAttemptsException tooMany
                ? Optional.of(tooMany)
                : Optional.empty();
    }

    /** The message a failed login shows (the same whether or not the user exists). */
    public String errorMessage() {
        return BAD_CREDENTIALS;
    }
}
