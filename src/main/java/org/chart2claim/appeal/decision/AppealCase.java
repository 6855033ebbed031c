package org.chart2claim.appeal.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.chart2claim.appeal.AppealLetter;
import org.chart2claim.appeal.AppealLevels;
import org.chart2claim.appeal.Denial;

/**
 * Everything the payer's appeals unit looks at.
 *
 * @param requestedLevel   the level the letter asks for
 * @param nextLevel        the level the item may go to now (1 after the initial determination, n+1 after level n)
 * @param deadline         the last day to file {@code nextLevel}
 * @param amountInDispute  what the appeal asks the payer to pay (the line's denied or reduced amount)
 */
public record AppealCase(
        Denial denial,
        AppealLevels.PayerProcess process,
        int requestedLevel,
        int nextLevel,
        LocalDate filedOn,
        LocalDate deadline,
        BigDecimal amountInDispute,
        AppealLetter letter) {}
