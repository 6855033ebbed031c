package org.chart2claim.codebook.importer;

import org.chart2claim.codebook.CodeSystem;

/**
 * Published (after the database commit) when the active set of a code system changes through an import
 * or an admin switch. The search index listens and re-indexes that system from
 * {@link CodeSetImportService#activeImportedSet(CodeSystem)} (empty = back to the curated book).
 */
public record ActiveCodeSetChangedEvent(CodeSystem system, String activeSetId) {
}
