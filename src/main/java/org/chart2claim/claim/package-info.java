/**
 * The professional claim: CMS-1500 fields as records (annotated with boxes and X12 elements), the
 * scrubber, X12 837P reading and writing, the printable CMS-1500 view, and {@code practice}: the
 * practice's charge master and billing addresses.
 *
 * <p>May import {@code codebook}, {@code account}, {@code standard}, {@code config}; never {@code payer} or
 * {@code scenario}.
 */
package org.chart2claim.claim;
