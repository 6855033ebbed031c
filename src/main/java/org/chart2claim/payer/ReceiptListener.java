package org.chart2claim.payer;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An extension point (a Spring bean of a feature above): claims were received into a user's ledger. The billing
 * office's clock uses it, because a newer claim moves the ledger's simulated "today" and what falls due on the way
 * (an appeal decision, a statement cycle) must arrive then. Called after the submission's transaction has committed
 * (outside it: a listener that writes opens its own transaction), so a failure here can neither fail nor undo the
 * submission; the payer logs it with an id and the listener catches up on its own later.
 *
 * @param latestBefore the ledger's latest receipt date before this submission (empty for a new ledger)
 */
public interface ReceiptListener {
    void received(String username, String ledger, Optional<LocalDate> latestBefore, LocalDate receivedOn);
}
