/**
 * The scenario library: clinical notes with encounter data and answer keys, read from {@code scenarios/},
 * validated against the code books and synchronised into the database.
 *
 * <p>May import {@code codebook}, {@code account}, {@code standard}, {@code config}; never {@code claim}
 * (same row) or anything above.
 */
package org.chart2claim.scenario;
