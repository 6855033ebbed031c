/**
 * Application configuration: settings ({@code Chart2ClaimProperties}), where content and data live
 * ({@code ContentLocations}), the data-dir environment and the Vaadin app shell.
 *
 * <p>Imports no other feature.
 */
package org.chart2claim.config;
