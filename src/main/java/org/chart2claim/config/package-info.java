/**
 * Application configuration: settings ({@code Chart2ClaimProperties}), where content and data live
 * ({@code ContentLocations}), the data-dir environment and the Vaadin app shell; the REST API's one error shape
 * ({@code ApiProblems}, {@code ApiErrorAdvice}, JSON 404 for unmatched {@code /api} paths) and the request
 * body limits ({@code RequestLimits}, {@code RequestBodyLimitFilter}).
 *
 * <p>Imports no other feature.
 */
package org.chart2claim.config;
