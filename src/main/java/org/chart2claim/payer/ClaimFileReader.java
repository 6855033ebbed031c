package org.chart2claim.payer;

import java.io.InputStream;
import java.util.function.Consumer;
import org.chart2claim.claim.x12.Claim837Reader;
import org.chart2claim.claim.x12.ParsedClaim;
import org.chart2claim.claim.x12.X12FormatException;

/**
 * Reads a claim file one claim at a time, in file order, handing each on while the rest is unread. {@code E} is what
 * a file that cannot be read throws: {@link X12FormatException} for an 837P, nothing checked for claim JSON (its
 * errors are Jackson's and {@link ClaimJsonReader.NotClaimsException}), so a caller handles exactly what its format
 * can throw.
 */
@FunctionalInterface
public interface ClaimFileReader<E extends Exception> {
    /** An X12 837P interchange. */
    ClaimFileReader<X12FormatException> X12_837P = Claim837Reader::read;

    /** The app's claim JSON: one claim object or {@code {"claims":[...]}}. */
    ClaimFileReader<RuntimeException> CLAIM_JSON = ClaimJsonReader::read;

    void read(InputStream in, Consumer<ParsedClaim> each) throws E;
}
