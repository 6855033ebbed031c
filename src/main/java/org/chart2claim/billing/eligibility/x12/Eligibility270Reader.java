package org.chart2claim.billing.eligibility.x12;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.x12.Segment;
import org.chart2claim.claim.x12.X12FormatException;
import org.chart2claim.claim.x12.X12SegmentReader;

/**
 * Reads an X12 270 eligibility inquiry (005010X279A1) with StAEDI ({@link X12SegmentReader} checks the envelope).
 * It checks the layout it needs: GS08 version, ST01 270, BHT, the HL levels 20 (payer, NM1*PR), 21 (provider,
 * NM1*1P) and 22 (subscriber, NM1*IL with the member id, DMG birth date, DTP*291 date of service, EQ service types).
 * Any problem is an {@link X12FormatException} with segment and position.
 */
public final class Eligibility270Reader {
    public static final String VERSION = "005010X279A1";
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private Eligibility270Reader() {}

    /** What the 270 carried: BHT03 (echoed in the 271) and one inquiry per subscriber. */
    public record Read(String reference, List<Inquiry270> inquiries) {}

    public static Read read(byte[] x12) throws X12FormatException {
        State state = new State();
        X12FormatException[] failure = new X12FormatException[1];
        X12SegmentReader.read(new ByteArrayInputStream(x12), segment -> {
            if (failure[0] != null) {
                return;
            }
            try {
                state.accept(segment);
            } catch (X12FormatException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        state.finishSubscriber(null);
        if (state.inquiries.isEmpty()) {
            throw new X12FormatException("HL", 0, 0, "the 270 holds no subscriber (HL level 22)");
        }
        return new Read(state.reference, List.copyOf(state.inquiries));
    }

    private static final class State {
        final List<Inquiry270> inquiries = new ArrayList<>();
        String reference = "";
        String payerId = "";
        String payerName = "";
        String receiverName = "";
        String receiverNpi = "";
        String level = "";
        boolean inTransaction;
        // the subscriber being read
        Segment subscriberHl;
        String trace = "";
        String traceOriginator = "";
        String last;
        String first;
        String memberId;
        LocalDate birthDate;
        LocalDate dateOfService;
        List<String> serviceTypes = new ArrayList<>();

        void accept(Segment s) throws X12FormatException {
            switch (s.tag()) {
                case "GS" -> {
                    if (!s.element(8).equals(VERSION)) {
                        throw new X12FormatException(
                                "GS", s.position(), 8, "GS08 is '" + s.element(8) + "'; a 270 must be " + VERSION);
                    }
                    if (!s.element(1).equals("HS")) {
                        throw new X12FormatException(
                                "GS", s.position(), 1, "GS01 is '" + s.element(1) + "'; a 270 group is HS");
                    }
                }
                case "ST" -> {
                    if (!s.element(1).equals("270")) {
                        throw new X12FormatException(
                                "ST",
                                s.position(),
                                1,
                                "ST01 is '" + s.element(1) + "'; only 270 inquiries are answered here");
                    }
                    inTransaction = true;
                }
                case "BHT" -> reference = s.element(3);
                case "HL" -> {
                    requireTransaction(s);
                    finishSubscriber(s);
                    level = s.element(3);
                    if (!level.equals("20") && !level.equals("21") && !level.equals("22") && !level.equals("23")) {
                        throw new X12FormatException(
                                "HL", s.position(), 3, "HL03 '" + level + "' is not a 270 level (20, 21, 22, 23)");
                    }
                    if (level.equals("22")) {
                        subscriberHl = s;
                    }
                }
                case "NM1" -> {
                    requireTransaction(s);
                    switch (s.element(1)) {
                        case "PR" -> {
                            payerName = s.element(3);
                            payerId = s.element(9);
                            if (payerId.isEmpty()) {
                                throw new X12FormatException(
                                        "NM1", s.position(), 9, "NM1*PR needs the payer id in NM109");
                            }
                        }
                        case "1P" -> {
                            receiverName = s.element(3);
                            receiverNpi = s.element(9);
                        }
                        case "IL" -> {
                            if (subscriberHl == null) {
                                throw new X12FormatException(
                                        "NM1", s.position(), 1, "NM1*IL comes before any subscriber level (HL*...*22)");
                            }
                            last = s.element(3);
                            first = s.element(4);
                            memberId = s.element(9);
                            if (memberId.isEmpty()) {
                                throw new X12FormatException(
                                        "NM1", s.position(), 9, "NM1*IL needs the member id in NM109");
                            }
                        }
                        default -> {}
                    }
                }
                case "TRN" -> {
                    trace = s.element(2);
                    traceOriginator = s.element(3);
                }
                case "DMG" -> birthDate = date(s, 2, s.element(2));
                case "DTP" -> {
                    if (s.element(1).equals("291")) {
                        String value = s.element(3);
                        if (s.element(2).equals("RD8") && value.contains("-")) {
                            value = value.substring(0, value.indexOf('-'));
                        }
                        dateOfService = date(s, 3, value);
                    }
                }
                case "EQ" -> {
                    if (!s.element(1).isEmpty()) {
                        serviceTypes.addAll(s.components(1));
                    }
                }
                case "SE" -> {
                    finishSubscriber(null);
                    inTransaction = false;
                }
                default -> {}
            }
        }

        private void requireTransaction(Segment s) throws X12FormatException {
            if (!inTransaction) {
                throw new X12FormatException(s.tag(), s.position(), 0, s.tag() + " outside a 270 transaction (ST/SE)");
            }
        }

        void finishSubscriber(Segment next) throws X12FormatException {
            if (subscriberHl == null) {
                return;
            }
            if (next != null && next.element(3).equals("23")) {
                return; // a dependent level below the subscriber: the subscriber's inquiry is still open
            }
            Segment hl = subscriberHl;
            subscriberHl = null;
            if (memberId == null) {
                throw new X12FormatException(
                        "HL", hl.position(), 0, "subscriber level without NM1*IL (name and member id)");
            }
            if (payerId.isEmpty()) {
                throw new X12FormatException("HL", hl.position(), 0, "no payer (NM1*PR) before this subscriber");
            }
            if (birthDate == null) {
                throw new X12FormatException("HL", hl.position(), 0, "subscriber without a birth date (DMG*D8)");
            }
            inquiries.add(new Inquiry270(
                    payerId,
                    payerName,
                    receiverName,
                    receiverNpi,
                    trace,
                    traceOriginator,
                    last,
                    first,
                    memberId,
                    birthDate,
                    dateOfService,
                    serviceTypes.isEmpty() ? List.of("30") : List.copyOf(serviceTypes)));
            trace = "";
            traceOriginator = "";
            last = null;
            first = null;
            memberId = null;
            birthDate = null;
            dateOfService = null;
            serviceTypes = new ArrayList<>();
        }

        private static LocalDate date(Segment s, int element, String value) throws X12FormatException {
            try {
                return LocalDate.parse(value, D8);
            } catch (DateTimeParseException e) {
                throw new X12FormatException(
                        s.tag(), s.position(), element, "'" + value + "' is not a date (CCYYMMDD)");
            }
        }
    }
}
