package org.chart2claim.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.account.Role;

/**
 * The frame around every page: a header with the user and log-out, and a navigation drawer that shows
 * each role only the pages it may use.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** One entry of the navigation drawer, shown to users holding any of {@code roles}. */
    record NavEntry(String section, String label, String path, VaadinIcon icon, Set<Role> roles) {}

    static final List<NavEntry> ENTRIES = List.of(
            new NavEntry("", "Home", "", VaadinIcon.HOME, EnumSet.allOf(Role.class)),
            new NavEntry("", "Code search", "search", VaadinIcon.SEARCH, EnumSet.allOf(Role.class)),
            new NavEntry("Practice", "Practice", "practice", VaadinIcon.FILE_TEXT_O, EnumSet.of(Role.STUDENT)),
            new NavEntry("Practice", "Claims", "claims", VaadinIcon.INVOICE, EnumSet.of(Role.STUDENT)),
            new NavEntry("Practice", "My claims", "claims/mine", VaadinIcon.LIST, EnumSet.of(Role.STUDENT)),
            new NavEntry("Practice", "Appeals", "appeals", VaadinIcon.SCALE, EnumSet.of(Role.STUDENT)),
            new NavEntry("Practice", "My results", "results", VaadinIcon.CHART, EnumSet.of(Role.STUDENT)),
            new NavEntry("Teaching", "Scenarios", "scenarios", VaadinIcon.BOOK, EnumSet.of(Role.INSTRUCTOR)),
            new NavEntry(
                    "Teaching", "Assessments", "assessments", VaadinIcon.CLIPBOARD_CHECK, EnumSet.of(Role.INSTRUCTOR)),
            new NavEntry("Teaching", "Gradebook", "gradebook", VaadinIcon.TABLE, EnumSet.of(Role.INSTRUCTOR)),
            new NavEntry("Teaching", "Cohorts", "cohorts", VaadinIcon.GROUP, EnumSet.of(Role.INSTRUCTOR, Role.ADMIN)),
            new NavEntry("Administration", "Users", "users", VaadinIcon.USERS, EnumSet.of(Role.ADMIN)),
            new NavEntry("Administration", "Code books", "codebooks", VaadinIcon.DATABASE, EnumSet.of(Role.ADMIN)));

    public MainLayout(AuthenticationContext authentication, CurrentUser currentUser) {
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("Chart2Claim");
        brand.addClassName("app-brand");
        addToDrawer(brand, navigationFor(currentUser.roles()));

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        Span spacer = new Span();
        String who = currentUser.username().orElse("");
        Span userBadge = new Span(VaadinIcon.USER.create(), new Span(who));
        userBadge.addClassName("user-badge");
        Button account = new Button("My account", e -> getUI().ifPresent(ui -> ui.navigate("account")));
        account.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(toggle, spacer, userBadge, account, logout);
        header.setWidthFull();
        header.expand(spacer);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName("app-header");
        addToNavbar(header);
    }

    /** Builds the drawer for a user's roles: entries grouped in one side-nav per section. */
    static Div navigationFor(Set<Role> roles) {
        Div drawer = new Div();
        drawer.addClassName("app-nav");
        SideNav current = null;
        String currentSection = null;
        for (NavEntry entry : ENTRIES) {
            if (entry.roles().stream().noneMatch(roles::contains)) {
                continue;
            }
            if (current == null || !entry.section().equals(currentSection)) {
                currentSection = entry.section();
                current = currentSection.isEmpty() ? new SideNav() : new SideNav(currentSection);
                drawer.add(current);
            }
            current.addItem(new SideNavItem(
                    entry.label(), "/" + entry.path(), entry.icon().create()));
        }
        return drawer;
    }
}
