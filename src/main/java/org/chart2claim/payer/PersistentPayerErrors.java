package org.chart2claim.payer;

import java.util.List;
import java.util.function.Function;
import org.chart2claim.claim.Claim;

/**
 * An extension point (a Spring bean of a feature above): payer-side errors that persist in a ledger because the
 * payer's data is still wrong, e.g. a denial drill's mis-keyed member id or unlinked authorization. A corrected or
 * new claim for the same service meets the same error until an appeal proves it. Asked once per submission.
 */
public interface PersistentPayerErrors {
    /** For this user's ledger: the errors a claim meets (empty for most ledgers and claims). */
    Function<Claim, List<PayerError>> forLedger(String username, String ledger);
}
