/**
 * The code books: model and loader, {@code CodeLookup} for other features, all code spelling and syntax
 * ({@code CodeFormat}), the Lucene index and search, the official-release importer, the code search view
 * and API.
 *
 * <p>May import {@code account}, {@code standard}, {@code config}.
 */
package org.chart2claim.codebook;
