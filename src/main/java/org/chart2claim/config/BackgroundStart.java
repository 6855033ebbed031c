package org.chart2claim.config;

/**
 * Start-up work a feature does after the server answers instead of on the start path (loading the code books,
 * opening the search index, reading the scenario library): {@link BackgroundStarter} calls {@link #ensureStarted}
 * of every such bean, in their {@code @Order}, on one background thread once the application is ready. The
 * feature's own accessors call it too, so a request that comes earlier waits for the work (or does it itself)
 * and never sees a half-loaded state.
 */
public interface BackgroundStart {

    /** The service's start work (its name, the work, and whether it is done). */
    OnDemand startWork();

    /** The name the administrator's progress line shows ("code books", "search index", ...). */
    default String startStepName() {
        return startWork().name();
    }

    /** Does the work unless it is done already: idempotent, safe from any thread, blocks until done. */
    default void ensureStarted() {
        startWork().ensure();
    }

    /** True once the work is done (false while it runs or when it failed). */
    default boolean started() {
        return startWork().done();
    }
}
