package org.chart2claim.codebook.importer;

import java.util.Map;
import org.chart2claim.codebook.CodeSystem;

/**
 * Published (after the database commit) when the active set of one or more code systems changes through
 * an import or an admin switch: one event for all systems of one import, so the search index is rebuilt
 * once. Listeners re-install each system from {@link CodeSetImportService#activeImportedSet(CodeSystem)}
 * (empty = back to the curated book).
 *
 * @param activeSetIds the new active set id of each changed system
 */
public record ActiveCodeSetChangedEvent(Map<CodeSystem, String> activeSetIds) {

    public ActiveCodeSetChangedEvent {
        activeSetIds = Map.copyOf(activeSetIds);
    }

    public ActiveCodeSetChangedEvent(CodeSystem system, String activeSetId) {
        this(Map.of(system, activeSetId));
    }
}
