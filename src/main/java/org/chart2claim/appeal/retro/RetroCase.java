package org.chart2claim.appeal.retro;

import java.time.LocalDate;
import org.chart2claim.appeal.Support;

/**
 * A retro-authorization request as the payer reviews it: its policy (how many days after the service it still
 * authorizes; 0 = never after the fact), the service's date, the request's date and how the record supports the
 * billed line.
 */
public record RetroCase(
        String payerName, int windowDays, LocalDate dateOfService, LocalDate requestedOn, Support support) {
    public LocalDate windowEnds() {
        return dateOfService.plusDays(windowDays);
    }
}
