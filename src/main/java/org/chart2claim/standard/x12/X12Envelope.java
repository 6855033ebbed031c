package org.chart2claim.standard.x12;

import java.time.LocalDateTime;

/**
 * Interchange/group header values: sender and receiver ids (ISA06/08, GS02/03), control number (ISA13,
 * GS06, BHT03), creation time and usage indicator (ISA15: T test, P production).
 */
public record X12Envelope(String senderId, String receiverId, int controlNumber, LocalDateTime created, char usage) {
    public X12Envelope {
        if (controlNumber < 0 || controlNumber > 999_999_999) {
            throw new IllegalArgumentException("control number must fit 9 digits");
        }
    }

    public String isaControl() {
        return String.format("%09d", controlNumber);
    }
}
