package org.chart2claim.claim;

/** A US postal address as boxes 5, 7, 32 and 33 of the CMS-1500 carry it. */
public record Address(String line1, String line2, String city, String state, String zip) {
    public static Address empty() {
        return new Address("", "", "", "", "");
    }

    public boolean complete() {
        return !ClaimText.isBlank(line1)
                && !ClaimText.isBlank(city)
                && !ClaimText.isBlank(state)
                && !ClaimText.isBlank(zip);
    }
}
