package org.chart2claim.codebook.importer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeSystem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tests share one application context with other features, whose tests expect the curated books:
 * every importer test puts the curated books back and removes the fixture sets it imported.
 */
public final class ImportTestSupport {

    /** Events seen by {@link EventRecorder} (a test-only bean picked up by component scanning). */
    static final List<ActiveCodeSetChangedEvent> EVENTS = new CopyOnWriteArrayList<>();

    /** Content hashes of the books each {@link CodeBooksChangedEvent} announced. */
    static final List<String> BOOK_CHANGES = new CopyOnWriteArrayList<>();

    private ImportTestSupport() {}

    public static void resetToCurated(CodeSetImportService service) {
        for (CodeSystem system : CodeSystem.values()) {
            service.activate(system, CodeSetImportService.CURATED);
        }
        service.versions().stream()
                .filter(v -> !v.curated() && v.year() >= 2029)
                .forEach(v -> service.remove(v.setId()));
    }

    @Component
    static class EventRecorder {
        @EventListener
        void on(ActiveCodeSetChangedEvent event) {
            EVENTS.add(event);
        }

        @EventListener
        void on(CodeBooksChangedEvent event) {
            BOOK_CHANGES.add(event.books().contentHash());
        }
    }
}
