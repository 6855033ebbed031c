package org.chart2claim.account.security;

import org.chart2claim.account.AccountChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * When an account is disabled (or removed), its open browser sessions end at once: the session registry
 * marks them expired, and the next request of such a session is logged out and sent to the login page.
 * (The API is stateless and already checks the account on every call.)
 */
@Component
public class SessionsOfDisabledAccounts {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfDisabledAccounts.class);

    private final SessionRegistry sessions;
    private final UserDetailsService users;

    public SessionsOfDisabledAccounts(SessionRegistry sessions, UserDetailsService users) {
        this.sessions = sessions;
        this.users = users;
    }

    @EventListener
    public void onAccountChanged(AccountChangedEvent event) {
        if (stillEnabled(event.username())) {
            return;
        }
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equalsIgnoreCase(event.username())) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Ended {} browser session(s) of disabled account {}", ended, event.username());
        }
    }

    private boolean stillEnabled(String username) {
        try {
            return users.loadUserByUsername(username).isEnabled();
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
