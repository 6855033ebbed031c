package org.chart2claim.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.chart2claim.account.AccountException;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Cohort;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;
import org.chart2claim.account.UserAccount;

/**
 * Classes of students. Instructors see and manage the cohorts they teach; administrators see all.
 */
@Menu(title = "Cohorts", order = 23, icon = "vaadin:group")
@Route("cohorts")
@PageTitle("Cohorts · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
public class CohortsView extends VerticalLayout {

    private final CohortService cohorts;
    private final AccountService accounts;
    private final CurrentUser currentUser;

    final TextField name = new TextField("Name");
    final TextField description = new TextField("Description");
    final Grid<Cohort> grid = new Grid<>(Cohort.class, false);
    final ComboBox<UserAccount> student = new ComboBox<>("Student");
    final Button enrol = new Button("Enrol in selected cohort");

    public CohortsView(CohortService cohorts, AccountService accounts, CurrentUser currentUser) {
        this.cohorts = cohorts;
        this.accounts = accounts;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Cohorts"));

        Button create = new Button("Create cohort", e -> createCohort());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, description, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        add(form);

        grid.addColumn(Cohort::getName).setHeader("Cohort").setAutoWidth(true);
        grid.addColumn(c -> names(c.getInstructors())).setHeader("Instructors").setAutoWidth(true);
        grid.addColumn(c -> c.getStudents().size()).setHeader("Students").setAutoWidth(true);
        grid.addColumn(c -> names(c.getStudents())).setHeader("Enrolled").setFlexGrow(1);
        grid.setAllRowsVisible(true);
        add(grid);

        add(new H3("Enrol a student"));
        student.setItemLabelGenerator(u -> u.getDisplayName() + " (" + u.getUsername() + ")");
        enrol.addClickListener(e -> enrolSelected());
        add(new HorizontalLayout(student, enrol));
        setDefaultHorizontalComponentAlignment(Alignment.STRETCH);
        refresh();
    }

    void createCohort() {
        try {
            String instructor = currentUser.hasRole(Role.INSTRUCTOR) ? currentUser.requireUsername() : null;
            cohorts.create(name.getValue(), description.getValue(), instructor);
            name.clear();
            description.clear();
            refresh();
        } catch (AccountException ex) {
            error(ex.getMessage());
        }
    }

    void enrolSelected() {
        Cohort selected = grid.asSingleSelect().getValue();
        if (selected == null || student.getValue() == null) {
            error("Select a cohort in the table and a student first.");
            return;
        }
        try {
            cohorts.enrol(selected.getId(), student.getValue().getUsername());
            refresh();
        } catch (AccountException ex) {
            error(ex.getMessage());
        }
    }

    private void refresh() {
        List<Cohort> visible = currentUser.hasRole(Role.ADMIN)
                ? cohorts.findAll()
                : cohorts.findForInstructor(currentUser.requireUsername());
        grid.setItems(visible);
        student.setItems(accounts.findAll().stream()
                .filter(u -> u.hasRole(Role.STUDENT) && u.isEnabled())
                .toList());
    }

    private static String names(java.util.Set<UserAccount> users) {
        return users.stream().map(UserAccount::getUsername).sorted().collect(Collectors.joining(", "));
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
