/**
 * Application configuration: settings ({@code Chart2ClaimProperties}), where content and data live
 * ({@code ContentLocations}), the data-dir environment and the Vaadin app shell; the REST API's one error shape
 * ({@code ApiProblems}, {@code ApiErrorAdvice}, JSON 404 for unmatched {@code /api} paths) and the request
 * body limits ({@code RequestLimits}, {@code RequestBodyLimitFilter}); start-up work off the start path
 * ({@code BackgroundStart} steps run by {@code BackgroundStarter} after the server answers, {@code OnDemand} for the
 * readers that come earlier, {@code ForegroundWork} pausing it while a request does long work); the production jar's precomputed start ({@code PrecomputedStart}: Spring AOT bean
 * definitions, used by the packaged jar's web start only) with its repositories kept lazy
 * ({@code LazyRepositoriesWhenPrecomputed}); the production jar's launcher ({@code SelfLaunch}, plain Java before
 * Spring: a plain {@code java -jar} web start serves from a child JVM started from the extracted jar,
 * {@code ExtractionCache}, with class-data sharing).
 *
 * <p>Imports no other feature.
 */
package org.chart2claim.config;
