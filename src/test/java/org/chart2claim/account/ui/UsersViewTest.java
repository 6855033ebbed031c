package org.chart2claim.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Role;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;

    @Test
    void adminCreatesAUserAndSeesItInTheList() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        String name = "new" + UUID.randomUUID().toString().substring(0, 6);
        view.username.setValue(name);
        view.password.setValue("first-pass-1");
        view.create.click();
        expectNotifications("Created " + name + ".");
        assertThat(accounts.get(name).getRoles()).containsExactly(Role.STUDENT);
    }

    @Test
    void duplicateNameIsRefusedWithAClearMessageAndTheFormKeepsItsInput() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        view.username.setValue("student");
        view.password.setValue("another-pass-1");
        view.create.click();
        expectNotifications("A user named \"student\" already exists.");
        assertThat(view.username.getValue()).isEqualTo("student");
    }

    @Test
    void emptyPasswordIsRefused() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        view.username.setValue("nopass" + UUID.randomUUID().toString().substring(0, 4));
        view.create.click();
        expectNotifications("Password must not be empty.");
    }
}
