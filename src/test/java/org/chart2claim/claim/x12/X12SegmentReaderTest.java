package org.chart2claim.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed X12 always ends in an X12FormatException that names a segment and position. */
class X12SegmentReaderTest {
    static X12FormatException fail(String text) {
        return catchThrowableOfType(
                X12FormatException.class,
                () -> Claim837Reader.readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
    }

    String valid() {
        return new Claim837Writer().write(List.of(SampleClaims.all().getFirst()), SampleClaims.ENVELOPE);
    }

    @Test
    void notX12AtAll() {
        var e = fail("hello, this is not an interchange");
        assertThat(e.getMessage().contains("ISA")
                        || e.getMessage().toLowerCase().contains("x12"))
                .as(e.getMessage())
                .isTrue();
    }

    /**
     * What the receiver of the claims throws (the payer stopping a file it adjudicates while reading it, a database
     * failure) passes through as it is: it is no malformed X12 and must not be answered as one.
     */
    @Test
    void aFailureOfTheClaimsReceiverIsNotReportedAsBadX12() {
        IllegalStateException stop = new IllegalStateException("stopped by the receiver");
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                Claim837Reader.read(new ByteArrayInputStream(valid().getBytes(StandardCharsets.US_ASCII)), claim -> {
                    throw stop;
                }));
        assertThat(thrown).isSameAs(stop);
    }

    @Test
    void emptyInput() {
        fail("");
    }

    @Test
    void wrongSegmentCountInSe() {
        String bad = valid().replaceFirst("SE\\*(\\d+)\\*", "SE*99*");
        var e = fail(bad);
        assertThat(e.segmentTag()).as(e.getMessage()).isEqualTo("SE");
        assertThat(e.segmentPosition() > 0).isTrue();
    }

    @Test
    void mismatchedControlNumbers() {
        var e = fail(valid().replace("IEA*1*000000101", "IEA*1*000000999"));
        assertThat(e.segmentTag()).as(e.getMessage()).isEqualTo("IEA");
    }

    @Test
    void unparseableDateNamesTheSegment() {
        var e = fail(valid().replace("DTP*472*D8*20260314", "DTP*472*D8*2026AB14"));
        assertThat(e.segmentTag()).isEqualTo("DTP");
        assertThat(e.elementPosition()).isEqualTo(3);
    }

    @Test
    void notAClaimTransaction() {
        var e = fail(valid().replace("GS*HC*", "GS*HP*"));
        assertThat(e.segmentTag()).isEqualTo("GS");
    }

    @Test
    void truncatedInterchange() {
        String v = valid();
        fail(v.substring(0, v.indexOf("SE*")));
    }
}
