package org.chart2claim.account;

import java.util.regex.Pattern;

/** What a user name may look like: short, no spaces, safe in URLs and file names. */
public final class UsernamePolicy {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    private UsernamePolicy() {}

    /** @return a message saying what is wrong, or {@code null} when the name is acceptable */
    public static String problemWith(String username) {
        if (username == null || username.isBlank()) {
            return "User name must not be empty.";
        }
        if (!ALLOWED.matcher(username).matches()) {
            return "User name must be 2–64 letters, digits, dots, dashes or underscores.";
        }
        return null;
    }
}
