package org.chart2claim.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.chart2claim.account.CurrentUser;

/**
 * The frame around every page: a header with the user and log-out, and a navigation drawer built from the
 * {@code @Menu} annotation of each view, showing only the views the user may open (Vaadin filters the
 * menu by the views' {@code @RolesAllowed}/{@code @PermitAll}), so it cannot drift from the views' access.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** Drawer sections by {@code @Menu(order)} band: below 10 none, then 10s, 20s, 30s. */
    static final List<String> SECTIONS = List.of("", "Practice", "Teaching", "Administration");

    public MainLayout(AuthenticationContext authentication, CurrentUser currentUser) {
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("Chart2Claim");
        brand.addClassName("app-brand");
        addToDrawer(brand, navigation(MenuConfiguration.getMenuEntries()));

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        Span spacer = new Span();
        String who = currentUser.username().orElse("");
        Span userBadge = new Span(VaadinIcon.USER.create(), new Span(who));
        userBadge.addClassName("user-badge");
        userBadge.getElement().setAttribute("title", "Signed in as " + who);
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

    /** The drawer for the menu entries the user may open, in order, one side-nav per section. */
    static Div navigation(List<MenuEntry> entries) {
        Div drawer = new Div();
        drawer.addClassName("app-nav");
        SideNav current = null;
        String currentSection = null;
        for (MenuEntry entry : entries) {
            String section = section(entry);
            if (current == null || !section.equals(currentSection)) {
                currentSection = section;
                current = section.isEmpty() ? new SideNav() : new SideNav(section);
                drawer.add(current);
            }
            String path = entry.path().startsWith("/") ? entry.path() : "/" + entry.path();
            current.addItem(
                    entry.icon() == null
                            ? new SideNavItem(entry.title(), path)
                            : new SideNavItem(entry.title(), path, new Icon(entry.icon())));
        }
        return drawer;
    }

    private static String section(MenuEntry entry) {
        int band = entry.order() == null ? 0 : (int) (entry.order() / 10);
        return SECTIONS.get(Math.max(0, Math.min(band, SECTIONS.size() - 1)));
    }
}
