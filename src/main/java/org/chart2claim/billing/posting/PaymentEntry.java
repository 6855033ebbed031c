package org.chart2claim.billing.posting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A manual posting at the front desk: a patient's payment (cash, check with its number, card with its
 * authorization) or, with {@code refund}, money given back from a credit balance. {@code date} null = today.
 */
public record PaymentEntry(
        String account, BigDecimal amount, String method, String reference, boolean refund, LocalDate date) {}
