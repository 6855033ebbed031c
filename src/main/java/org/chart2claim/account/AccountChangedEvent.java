package org.chart2claim.account;

/** Published when a user's password, roles or enabled flag change, so cached logins can be dropped. */
public record AccountChangedEvent(String username) {}
