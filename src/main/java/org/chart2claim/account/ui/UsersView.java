package org.chart2claim.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.chart2claim.account.AccountException;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;
import org.chart2claim.account.UserAccount;

/** Administrators create, disable and reset accounts here. */
@Menu(title = "Users", order = 30, icon = "vaadin:users")
@Route("users")
@PageTitle("Users · Chart2Claim")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final AccountService accounts;
    private final CurrentUser currentUser;
    final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);

    // The "new user" form lives on the page so that a refused attempt keeps what was typed.
    final TextField username = new TextField("User name");
    final TextField displayName = new TextField("Full name");
    final PasswordField password = new PasswordField("Password");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final Button create = new Button("Create user");

    public UsersView(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Users"));

        roles.setItems(Role.values());
        roles.setItemLabelGenerator(UsersView::label);
        roles.setValue(EnumSet.of(Role.STUDENT));
        password.setHelperText("At least 8 characters");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createUser());
        FormLayout form = new FormLayout(username, displayName, password, roles, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        form.addClassName("new-user-form");
        add(form);

        grid.addColumn(UserAccount::getUsername)
                .setHeader("User name")
                .setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(UserAccount::getDisplayName).setHeader("Full name").setAutoWidth(true);
        grid.addColumn(u -> u.getRoles().stream().map(UsersView::label).collect(Collectors.joining(", ")))
                .setHeader("Roles")
                .setAutoWidth(true);
        grid.addComponentColumn(u -> {
                    Span status = new Span(u.isEnabled() ? "Active" : "Disabled");
                    status.getElement().getThemeList().add(u.isEnabled() ? "badge success" : "badge error");
                    return status;
                })
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    void createUser() {
        try {
            UserAccount created =
                    accounts.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue());
            Notification.show("Created " + created.getUsername() + ".", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            username.clear();
            displayName.clear();
            password.clear();
            refresh();
        } catch (AccountException e) {
            showError(e.getMessage());
        }
    }

    private HorizontalLayout actions(UserAccount user) {
        Button toggle = new Button(user.isEnabled() ? "Disable" : "Enable", e -> {
            try {
                accounts.setEnabled(user.getUsername(), !user.isEnabled(), currentUser.requireUsername());
                refresh();
            } catch (AccountException ex) {
                showError(ex.getMessage());
            }
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button reset = new Button("Reset password", e -> openResetDialog(user));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(toggle, reset);
    }

    private void openResetDialog(UserAccount user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + user.getUsername());
        PasswordField newPassword = new PasswordField("New password");
        newPassword.setHelperText("At least 8 characters; tell the user to change it after logging in.");
        dialog.add(newPassword);
        Button save = new Button("Set password", e -> {
            try {
                accounts.resetPassword(user.getUsername(), newPassword.getValue());
                dialog.close();
                Notification.show("Password reset for " + user.getUsername() + ".")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (AccountException ex) {
                newPassword.setInvalid(true);
                newPassword.setErrorMessage(ex.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(accounts.findAll());
    }

    private static void showError(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static String label(Role role) {
        return switch (role) {
            case STUDENT -> "Student";
            case INSTRUCTOR -> "Instructor";
            case ADMIN -> "Administrator";
        };
    }

    Set<Role> selectedRoles() {
        return roles.getValue();
    }
}
