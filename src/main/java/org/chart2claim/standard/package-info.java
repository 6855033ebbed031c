/**
 * Health-care standards shared by several features, as plain Java: the NPI check digit, the CMS
 * place-of-service code set, the simulated payers' clearinghouse ids, our TSV dialect, and X12 envelope
 * writing ({@code x12}).
 *
 * <p>Imports no other feature.
 */
package org.chart2claim.standard;
