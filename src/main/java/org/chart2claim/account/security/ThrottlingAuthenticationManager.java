package org.chart2claim.account.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of a login check: a waiting account or address is refused with
 * {@link TooManyAttemptsException} before its password is checked; a bad password counts, a good one clears
 * the account's count.
 */
public class ThrottlingAuthenticationManager implements AuthenticationManager {

    private final AuthenticationManager delegate;
    private final LoginThrottle throttle;

    public ThrottlingAuthenticationManager(AuthenticationManager delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    /** Refused without a password check: the account or client address must wait. */
    public static final class TooManyAttemptsException extends AuthenticationException {
        private final Duration retryAfter;

        TooManyAttemptsException(Duration retryAfter) {
            super("Too many failed logins: try again in " + seconds(retryAfter) + " s.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        public long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration wait) {
            return Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        LoginThrottle.Check check = throttle.check(username, address);
        if (!check.retryAfter().isZero()) {
            throw new TooManyAttemptsException(check.retryAfter());
        }
        try {
            Authentication result = delegate.authenticate(request);
            if (check.accountHasFailures()) {
                throttle.succeeded(username); // no write for the usual login that follows no failure
            }
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw e;
        }
    }
}
