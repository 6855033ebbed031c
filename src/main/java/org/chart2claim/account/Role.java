package org.chart2claim.account;

/** What a person may do in the app. A user may hold several roles. */
public enum Role {
    STUDENT,
    INSTRUCTOR,
    ADMIN;

    /** The Spring Security authority name for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
