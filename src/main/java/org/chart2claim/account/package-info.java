/**
 * Users, roles and cohorts; {@code security}: the Spring Security configuration and the API login cache;
 * {@code ui}: login, users, cohorts and my-account views; {@code api}: {@code /api/me}.
 *
 * <p>May import {@code standard} and {@code config} only.
 */
package org.chart2claim.account;
