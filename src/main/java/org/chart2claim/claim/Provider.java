package org.chart2claim.claim;

/** An individual or organisation provider identified by NPI (referring box 17, rendering 24J). */
public record Provider(PersonName name, String npi) {
    public static Provider none() {
        return new Provider(new PersonName("", "", ""), "");
    }

    public boolean present() {
        return !ClaimText.isBlank(npi) || (name != null && !ClaimText.isBlank(name.last()));
    }
}
