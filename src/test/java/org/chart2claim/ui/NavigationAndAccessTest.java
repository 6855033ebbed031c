package org.chart2claim.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.chart2claim.account.Role;
import org.chart2claim.account.ui.CohortsView;
import org.chart2claim.account.ui.LoginView;
import org.chart2claim.account.ui.UsersView;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;

class NavigationAndAccessTest extends KaribuTest {

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("");
        assertThat(_get(LoginView.class)).isNotNull();
        assertThat(_get(LoginForm.class).getAction()).isEqualTo("login");
    }

    @Test
    void loginPageShowsOneMessageForAnyFailedLogin() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).errorMessage())
                .doesNotContainIgnoringCase("not found")
                .doesNotContainIgnoringCase("unknown");
    }

    @Test
    void studentSeesOnlyStudentPages() {
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("");
        assertThat(navLabels())
                .containsExactly(
                        "Home",
                        "Code search",
                        "Practice",
                        "Eligibility",
                        "Claims",
                        "My claims",
                        "Patient accounts",
                        "Post an ERA by hand",
                        "A/R dashboard",
                        "Appeals",
                        "My results",
                        "Exams");
    }

    @Test
    void instructorSeesTeachingPages() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("");
        assertThat(navLabels())
                .containsExactly(
                        "Home",
                        "Code search",
                        "Scenarios",
                        "Assessments",
                        "Question bank",
                        "Gradebook",
                        "Cohorts",
                        "Appeal reviews",
                        "Key disputes",
                        "Cohort A/R",
                        "Cohort ERA posting");
    }

    @Test
    void adminSeesAdministrationPages() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(navLabels())
                .containsExactly(
                        "Home",
                        "Code search",
                        "Scenarios",
                        "Question bank",
                        "Cohorts",
                        "Key disputes",
                        "Cohort A/R",
                        "Cohort ERA posting",
                        "Users",
                        "Code books");
    }

    @Test
    void studentCannotOpenInstructorOrAdminViews() {
        login("student", Role.STUDENT);
        for (String route : List.of(
                "cohorts", "gradebook", "users", "scenarios", "scenarios/edit", "scenarios/disputes", "questions")) {
            UI.getCurrent().navigate(route);
            assertThat(_find(AccessDeniedView.class)).as(route).hasSize(1);
        }
        assertThat(_find(CohortsView.class)).isEmpty();
        assertThat(_find(UsersView.class)).isEmpty();
    }

    @Test
    void instructorCanOpenCohorts() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("cohorts");
        assertThat(_get(CohortsView.class)).isNotNull();
    }

    @Test
    void everyNavigationEntryOpensForTheRoleThatSeesItInItsSection() {
        for (Role role : Role.values()) {
            login(role.name().toLowerCase(java.util.Locale.ROOT), role);
            UI.getCurrent().navigate("");
            List<String> paths = _find(SideNavItem.class).stream()
                    .map(i -> i.getPath().replaceFirst("^/", ""))
                    .toList();
            for (String path : paths) {
                UI.getCurrent().navigate(path);
                assertThat(_find(AccessDeniedView.class)).as(role + " " + path).isEmpty();
            }
        }
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("");
        assertThat(_find(com.vaadin.flow.component.sidenav.SideNav.class).stream()
                        .map(n -> n.getLabel())
                        .toList())
                .containsExactly(null, "Practice");
    }
}
