package org.chart2claim.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.chart2claim.account.AccountException;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.UserAccount;

/** Every user's own page: who they are and a password change. */
@Route("account")
@PageTitle("My account · Chart2Claim")
@PermitAll
public class AccountView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    final Button change = new Button("Change password");

    public AccountView(AccountService accounts, CurrentUser currentUser) {
        addClassName("page");
        UserAccount me = accounts.get(currentUser.requireUsername());
        add(new H2("My account"));
        add(new Paragraph(me.getDisplayName() + " (" + me.getUsername() + ")"));

        add(new H3("Change password"));
        newPassword.setHelperText("At least 8 characters");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> {
            if (!newPassword.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two new passwords differ.");
                return;
            }
            try {
                accounts.changeOwnPassword(me.getUsername(), current.getValue(), newPassword.getValue());
                current.clear();
                newPassword.clear();
                repeat.clear();
                Notification.show("Password changed.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (AccountException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        FormLayout form = new FormLayout(current, newPassword, repeat, change);
        form.setMaxWidth("480px");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
    }
}
