package org.chart2claim.billing.eligibility.x12;

import java.time.LocalDate;
import java.util.List;

/**
 * One subscriber's inquiry read from a 270 (loop 2000C/2100C): the payer (2100A NM1*PR), the provider asking (2100B
 * NM1*1P), the trace number (TRN*1), the subscriber's name, member id, birth date (DMG), date of service (DTP*291)
 * and the service types asked (EQ01).
 */
public record Inquiry270(
        String payerId,
        String payerName,
        String receiverName,
        String receiverNpi,
        String trace,
        String traceOriginator,
        String lastName,
        String firstName,
        String memberId,
        LocalDate birthDate,
        LocalDate dateOfService,
        List<String> serviceTypes) {}
