package org.chart2claim.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Lets Spring Security log in the accounts stored in the database. A login right after the start waits until the
 * first accounts of an empty database exist ({@link DemoAccountsSeeder}, a background start step).
 */
@Service
public class DatabaseUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;
    private final DemoAccountsSeeder firstAccounts;

    public DatabaseUserDetailsService(UserAccountRepository users, DemoAccountsSeeder firstAccounts) {
        this.users = users;
        this.firstAccounts = firstAccounts;
    }

    /**
     * Not one transaction: the wait for the first accounts may seed them in this thread, which must not happen inside
     * a read-only transaction (the roles load with the account, eagerly).
     */
    @Override
    public UserDetails loadUserByUsername(String username) {
        firstAccounts.ensureStarted();
        UserAccount account = users.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .disabled(!account.isEnabled())
                .authorities(account.getRoles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList())
                .build();
    }
}
