package org.chart2claim.appeal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an action or a decision did, shaped like the API's answer: the item's status, the payer's decision on an
 * appeal (PENDING until the response date), what was paid, the explanation, and the score with feedback once
 * the item is decided or closed.
 */
public record ActionAnswer(
        long id,
        String status,
        String decision,
        LocalDate decidedOn,
        Integer level,
        BigDecimal paid,
        String explanation,
        Integer score,
        String feedback) {}
