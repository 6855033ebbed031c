package org.chart2claim.account;

/** The one place that says what a password must look like. Plain Java, so it is tested without Spring. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** BCrypt only reads the first 72 bytes; longer passwords would silently be truncated. */
    public static final int MAX_LENGTH = 72;

    private PasswordPolicy() {}

    /** @return a message saying what is wrong, or {@code null} when the password is acceptable */
    public static String problemWith(String password) {
        if (password == null || password.isBlank()) {
            return "Password must not be empty.";
        }
        if (password.length() < MIN_LENGTH) {
            return "Password must be at least " + MIN_LENGTH + " characters.";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return "Password must be at most " + MAX_LENGTH + " bytes.";
        }
        return null;
    }
}
