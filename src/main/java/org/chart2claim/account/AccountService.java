package org.chart2claim.account;

import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and lists accounts. Every refusal is an {@link AccountException} with a clear message. */
@Service
@Transactional
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    public AccountService(
            UserAccountRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    public UserAccount create(String username, String displayName, String password, Set<Role> roles) {
        String name = username == null ? "" : username.strip();
        require(UsernamePolicy.problemWith(name));
        require(PasswordPolicy.problemWith(password));
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("Choose at least one role.");
        }
        if (users.existsByUsernameIgnoreCase(name)) {
            throw new AccountException("A user named \"" + name + "\" already exists.");
        }
        String shownName = displayName == null || displayName.isBlank() ? name : displayName.strip();
        return users.save(new UserAccount(name, shownName, passwordEncoder.encode(password), roles));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> findAll() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    public UserAccount get(String username) {
        return users.findByUsernameIgnoreCase(username)
                .orElseThrow(() -> new AccountException("No such user: " + username));
    }

    public UserAccount setEnabled(String username, boolean enabled, String actingUsername) {
        if (!enabled && username.equalsIgnoreCase(actingUsername)) {
            throw new AccountException("You cannot disable your own account.");
        }
        UserAccount account = get(username);
        account.setEnabled(enabled);
        events.publishEvent(new AccountChangedEvent(account.getUsername()));
        return account;
    }

    public UserAccount setRoles(String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("Choose at least one role.");
        }
        UserAccount account = get(username);
        account.setRoles(roles);
        events.publishEvent(new AccountChangedEvent(account.getUsername()));
        return account;
    }

    /** An administrator sets a new password for someone who forgot theirs. */
    public void resetPassword(String username, String newPassword) {
        require(PasswordPolicy.problemWith(newPassword));
        get(username).setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new AccountChangedEvent(username));
    }

    /** A user changes their own password; the current one must be given. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccount account = get(username);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountException("The current password is not correct.");
        }
        require(PasswordPolicy.problemWith(newPassword));
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new AccountChangedEvent(username));
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    private static void require(String problem) {
        if (problem != null) {
            throw new AccountException(problem);
        }
    }
}
