package org.chart2claim.claim.x12;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chart2claim.claim.AccidentIndicators;
import org.chart2claim.claim.Address;
import org.chart2claim.claim.BillingProvider;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.Insured;
import org.chart2claim.claim.OtherCoverage;
import org.chart2claim.claim.Patient;
import org.chart2claim.claim.PersonName;
import org.chart2claim.claim.Provider;
import org.chart2claim.claim.Relationship;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.claim.Sex;
import org.chart2claim.codebook.CodeFormat;

/**
 * Reads an X12 837P (005010X222A1) interchange into {@link Claim}s, one callback per CLM, streaming so a
 * 10,000-claim file never sits in memory whole. Envelope syntax comes from {@link X12SegmentReader};
 * this class checks the 837P layout it needs (GS08 version, ST01, HL structure, SV1 composites) and
 * records content problems on the {@link ParsedClaim} instead of failing the whole file.
 */
public final class Claim837Reader {
    public static final String VERSION = "005010X222A1";
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    /** Reads all claims into a list (convenient for one request; use the callback form for big files). */
    public static List<ParsedClaim> readAll(InputStream in) throws X12FormatException {
        List<ParsedClaim> out = new ArrayList<>();
        read(in, out::add);
        return out;
    }

    public static void read(InputStream in, Consumer<ParsedClaim> sink) throws X12FormatException {
        State state = new State(sink);
        X12FormatException[] failure = new X12FormatException[1];
        try {
            X12SegmentReader.read(in, segment -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    state.accept(segment);
                } catch (X12FormatException e) {
                    failure[0] = e;
                }
            });
        } catch (X12FormatException e) {
            if (failure[0] == null) {
                throw e;
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        if (state.transactions == 0) {
            throw new X12FormatException("ST", 0, 0, "no 837 transaction set found in the interchange");
        }
    }

    /** Mapping state over the 837P loops. Entity segments (N3/N4/DMG/REF) attach to the last NM1. */
    private static final class State {
        final Consumer<ParsedClaim> sink;
        int transactions;
        String hlLevel = "";
        String entity = "";
        // 2000A billing provider
        String billingName = "", billingNpi = "", taxId = "", billingPhone = "";
        Address billingAddress = Address.empty();
        // 2000B subscriber
        String relationshipCode = "18", groupNumber = "", planName = "";
        PersonName subscriberName = PersonName.of("", "");
        String memberId = "";
        Address subscriberAddress = Address.empty();
        LocalDate subscriberDob;
        Sex subscriberSex = Sex.U;
        String payerName = "", payerId = "";
        // 2000C patient (when not the subscriber)
        boolean patientLoop;
        PersonName patientName;
        Address patientAddress;
        LocalDate patientDob;
        Sex patientSex;
        // 2300 claim
        ClaimDraft claim;
        LineDraft line;
        /** Inside a 2320/2330 other-subscriber loop: NM1*IL/PR there describe the other coverage. */
        boolean otherSubscriber;

        State(Consumer<ParsedClaim> sink) {
            this.sink = sink;
        }

        void accept(Segment s) throws X12FormatException {
            switch (s.tag()) {
                case "GS" -> {
                    if (!s.element(1).equals("HC")) {
                        throw new X12FormatException(
                                "GS",
                                s.position(),
                                1,
                                "functional group '" + s.element(1) + "' is not HC (health care claim)");
                    }
                    if (!s.element(8).startsWith("005010X222")) {
                        throw new X12FormatException(
                                "GS", s.position(), 8, "version '" + s.element(8) + "' is not 837P 005010X222A1");
                    }
                }
                case "ST" -> {
                    if (!s.element(1).equals("837")) {
                        throw new X12FormatException(
                                "ST", s.position(), 1, "transaction set " + s.element(1) + " is not an 837 claim");
                    }
                    transactions++;
                    resetHierarchy();
                }
                case "SE" -> {
                    flushClaim();
                    resetHierarchy();
                }
                case "HL" -> hl(s);
                case "NM1" -> nm1(s);
                case "N3" -> n3(s);
                case "N4" -> n4(s);
                case "DMG" -> dmg(s);
                case "REF" -> ref(s);
                case "PER" -> {
                    if (entity.equals("85") && s.element(3).equals("TE")) {
                        billingPhone = s.element(4);
                    }
                }
                case "SBR" -> {
                    if (hlLevel.equals("22")) {
                        relationshipCode = s.element(2).isEmpty() ? "" : s.element(2);
                        groupNumber = s.element(3);
                        planName = s.element(4);
                    } else if (claim != null) {
                        otherSubscriber = true;
                        claim.otherPolicy = s.element(3);
                        claim.otherPlan = s.element(4);
                    }
                }
                case "PAT" -> relationshipCode = s.element(1);
                case "CLM" -> clm(s);
                case "HI" -> hi(s);
                case "LX" -> {
                    requireClaim(s);
                    flushLine();
                    otherSubscriber = false;
                    line = new LineDraft();
                }
                case "SV1" -> sv1(s);
                case "DTP" -> dtp(s);
                default -> {}
            }
        }

        void resetHierarchy() {
            hlLevel = "";
            entity = "";
        }

        void hl(Segment s) throws X12FormatException {
            flushClaim();
            hlLevel = s.element(3);
            entity = "";
            otherSubscriber = false;
            switch (hlLevel) {
                case "20" -> {
                    billingName = billingNpi = taxId = billingPhone = "";
                    billingAddress = Address.empty();
                }
                case "22" -> {
                    relationshipCode = "18";
                    groupNumber = planName = memberId = payerName = payerId = "";
                    subscriberName = PersonName.of("", "");
                    subscriberAddress = Address.empty();
                    subscriberDob = null;
                    subscriberSex = Sex.U;
                    patientLoop = false;
                }
                case "23" -> {
                    patientLoop = true;
                    patientName = PersonName.of("", "");
                    patientAddress = Address.empty();
                    patientDob = null;
                    patientSex = Sex.U;
                }
                default ->
                    throw new X12FormatException(
                            "HL", s.position(), 3, "hierarchical level code '" + hlLevel + "' is not 20, 22 or 23");
            }
        }

        void nm1(Segment s) {
            entity = s.element(1);
            if (otherSubscriber && line == null) {
                if (entity.equals("IL") && claim != null) {
                    claim.otherInsured = new PersonName(s.element(3), s.element(4), s.element(5));
                }
                entity = "other-" + entity;
                return;
            }
            PersonName name = new PersonName(s.element(3), s.element(4), s.element(5));
            String id = s.element(9);
            switch (entity) {
                case "85" -> {
                    billingName = s.element(3);
                    billingNpi = id;
                }
                case "IL" -> {
                    subscriberName = name;
                    memberId = id;
                }
                case "PR" -> {
                    payerName = s.element(3);
                    payerId = id;
                }
                case "QC" -> patientName = name;
                case "DN" -> {
                    if (claim != null) {
                        claim.referring = new Provider(name, id);
                    }
                }
                case "82" -> {
                    if (line != null) {
                        line.renderingNpi = id;
                    } else if (claim != null) {
                        claim.rendering = new Provider(name, id);
                    }
                }
                default -> {}
            }
        }

        void n3(Segment s) {
            Address a = new Address(s.element(1), s.element(2), "", "", "");
            setAddress(a, false);
        }

        void n4(Segment s) {
            Address a = new Address("", "", s.element(1), s.element(2), s.element(3));
            setAddress(a, true);
        }

        void setAddress(Address part, boolean cityPart) {
            Address current = switch (entity) {
                case "85" -> billingAddress;
                case "IL" -> subscriberAddress;
                case "QC" -> patientAddress;
                default -> null;
            };
            if (current == null) {
                return;
            }
            Address merged = cityPart
                    ? new Address(current.line1(), current.line2(), part.city(), part.state(), part.zip())
                    : new Address(part.line1(), part.line2(), current.city(), current.state(), current.zip());
            switch (entity) {
                case "85" -> billingAddress = merged;
                case "IL" -> subscriberAddress = merged;
                case "QC" -> patientAddress = merged;
                default -> {}
            }
        }

        void dmg(Segment s) throws X12FormatException {
            LocalDate dob = s.element(2).isEmpty() ? null : date(s, 2, s.element(2));
            Sex sex = Sex.parse(s.element(3));
            if (entity.equals("QC")) {
                patientDob = dob;
                patientSex = sex;
            } else if (entity.equals("IL")) {
                subscriberDob = dob;
                subscriberSex = sex;
            }
        }

        void ref(Segment s) {
            switch (s.element(1)) {
                case "EI" -> {
                    if (entity.equals("85")) {
                        taxId = s.element(2);
                    }
                }
                case "G1" -> {
                    if (claim != null && line == null) {
                        claim.priorAuth = s.element(2);
                    }
                }
                case "F8" -> {
                    if (claim != null) {
                        claim.originalClaimNumber = s.element(2);
                    }
                }
                default -> {}
            }
        }

        void clm(Segment s) throws X12FormatException {
            flushClaim();
            if (!hlLevel.equals("22") && !hlLevel.equals("23")) {
                throw new X12FormatException(
                        "CLM", s.position(), 0, "claim appears outside a subscriber or patient loop (HL 22/23)");
            }
            claim = new ClaimDraft();
            entity = "";
            otherSubscriber = false;
            claim.pcn = s.element(1);
            claim.pos = s.component(5, 1);
            String freq = s.component(5, 3);
            claim.frequency = FrequencyCode.fromCode(freq).orElse(null);
            if (claim.frequency == null) {
                claim.problems.add("CLM05-3 claim frequency '" + freq + "' is not 1, 7 or 8");
            }
            claim.acceptAssignment = s.element(7).equals("A");
            boolean employment = false, auto = false, other = false;
            for (String cause : s.components(11)) {
                if (cause.equals("EM")) {
                    employment = true;
                }
                if (cause.equals("AA")) {
                    auto = true;
                }
                if (cause.equals("OA")) {
                    other = true;
                }
            }
            claim.accident = new AccidentIndicators(employment, auto, s.component(11, 4), other);
            try {
                claim.statedTotal = s.element(2).isEmpty() ? null : new BigDecimal(s.element(2));
            } catch (NumberFormatException e) {
                throw new X12FormatException(
                        "CLM", s.position(), 2, "total charge '" + s.element(2) + "' is not a number");
            }
        }

        void hi(Segment s) throws X12FormatException {
            requireClaim(s);
            for (int i = 1; i <= s.elements().size(); i++) {
                String qualifier = s.component(i, 1);
                String code = s.component(i, 2);
                if (qualifier.isEmpty()) {
                    continue;
                }
                switch (qualifier) {
                    case "ABK", "ABF" -> claim.diagnoses.add(CodeFormat.dotted(code));
                    case "BK", "BF" -> {
                        claim.diagnoses.add(code);
                        claim.problems.add("HI qualifier " + qualifier + " marks ICD-9-CM diagnosis '" + code
                                + "': claims for services after 2015-09-30 must use ICD-10-CM (ABK/ABF)");
                    }
                    default -> {
                        // other HI qualifiers (anesthesia, condition info) are not diagnoses; ignore
                    }
                }
            }
        }

        void sv1(Segment s) throws X12FormatException {
            requireClaim(s);
            if (line == null) {
                throw new X12FormatException("SV1", s.position(), 0, "service line without a preceding LX");
            }
            String qualifier = s.component(1, 1);
            List<String> comps = s.components(1);
            if (comps.size() == 1 && qualifier.matches("[A-Z]{2}[^A-Z0-9].*")) {
                throw new X12FormatException(
                        "SV1",
                        s.position(),
                        1,
                        "composite '" + qualifier + "' is not split by the component separator declared in ISA16");
            }
            if (!qualifier.equals("HC")) {
                claim.problems.add("line " + (claim.lines.size() + 1) + ": procedure qualifier '" + qualifier
                        + "' is not HC (CPT/HCPCS)");
            }
            line.code = s.component(1, 2);
            for (int c = 3; c <= 6 && c <= comps.size(); c++) {
                if (!comps.get(c - 1).isEmpty()) {
                    line.modifiers.add(comps.get(c - 1));
                }
            }
            line.charge = number(s, 2);
            line.units = s.element(4).isEmpty() ? 1 : number(s, 4).intValue();
            line.pos = s.element(5);
            for (String p : s.components(7)) {
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    line.pointers.add(Integer.parseInt(p));
                } catch (NumberFormatException e) {
                    throw new X12FormatException(
                            "SV1", s.position(), 7, "diagnosis pointer '" + p + "' is not a number");
                }
            }
            line.emergency = s.element(9).equals("Y");
        }

        void dtp(Segment s) throws X12FormatException {
            if (!s.element(1).equals("472") || line == null) {
                return;
            }
            String value = s.element(3);
            if (s.element(2).equals("RD8") && value.contains("-")) {
                line.from = date(s, 3, value.substring(0, value.indexOf('-')));
                line.to = date(s, 3, value.substring(value.indexOf('-') + 1));
            } else {
                line.from = date(s, 3, value);
                line.to = line.from;
            }
        }

        void requireClaim(Segment s) throws X12FormatException {
            if (claim == null) {
                throw new X12FormatException(
                        s.tag(), s.position(), 0, "segment belongs to a claim but no CLM precedes it");
            }
        }

        void flushLine() {
            if (line == null || claim == null) {
                return;
            }
            claim.lines.add(new ServiceLine(
                    line.from,
                    line.to,
                    line.pos,
                    line.emergency,
                    line.code,
                    line.modifiers,
                    line.pointers,
                    line.charge,
                    line.units,
                    line.renderingNpi));
            line = null;
        }

        void flushClaim() {
            if (claim == null) {
                return;
            }
            flushLine();
            List<String> problems = new ArrayList<>(claim.problems);
            if (claim.statedTotal != null) {
                BigDecimal sum = claim.lines.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(claim.statedTotal) != 0) {
                    problems.add("CLM02 total " + claim.statedTotal.toPlainString()
                            + " does not equal the sum of the line charges " + sum.toPlainString());
                }
            }
            Insured insured = new Insured(
                    memberId, subscriberName, subscriberDob, subscriberSex, subscriberAddress, groupNumber, planName);
            Patient patient = patientLoop
                    ? new Patient(patientName, patientDob, patientSex, patientAddress)
                    : new Patient(subscriberName, subscriberDob, subscriberSex, subscriberAddress);
            Relationship relationship =
                    relationshipCode.isEmpty() ? Relationship.OTHER : Relationship.fromX12(relationshipCode);
            OtherCoverage other = claim.otherPolicy == null
                    ? null
                    : new OtherCoverage(
                            claim.otherInsured == null ? PersonName.of("", "") : claim.otherInsured,
                            claim.otherPolicy,
                            claim.otherPlan);
            Claim c = new Claim(
                    claim.pcn,
                    payerId,
                    payerName,
                    insured,
                    patient,
                    relationship,
                    other,
                    claim.accident,
                    claim.referring,
                    claim.priorAuth,
                    claim.diagnoses,
                    claim.lines,
                    new BillingProvider(billingName, billingNpi, taxId, billingAddress, billingPhone),
                    claim.rendering,
                    claim.pos,
                    claim.frequency == null ? FrequencyCode.ORIGINAL : claim.frequency,
                    claim.originalClaimNumber,
                    claim.acceptAssignment);
            sink.accept(new ParsedClaim(c, problems));
            claim = null;
        }

        static LocalDate date(Segment s, int element, String value) throws X12FormatException {
            try {
                return LocalDate.parse(value, D8);
            } catch (DateTimeParseException e) {
                throw new X12FormatException(s.tag(), s.position(), element, "'" + value + "' is not a CCYYMMDD date");
            }
        }

        static BigDecimal number(Segment s, int element) throws X12FormatException {
            try {
                return new BigDecimal(s.element(element));
            } catch (NumberFormatException e) {
                throw new X12FormatException(
                        s.tag(), s.position(), element, "'" + s.element(element) + "' is not a number");
            }
        }
    }

    private static final class ClaimDraft {
        String pcn = "", pos = "", priorAuth = "", originalClaimNumber = "", otherPolicy, otherPlan;
        PersonName otherInsured;
        FrequencyCode frequency;
        boolean acceptAssignment;
        AccidentIndicators accident = AccidentIndicators.none();
        Provider referring = Provider.none();
        Provider rendering = Provider.none();
        BigDecimal statedTotal;
        final List<String> diagnoses = new ArrayList<>();
        final List<ServiceLine> lines = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
    }

    private static final class LineDraft {
        LocalDate from, to;
        String pos = "", code = "", renderingNpi = "";
        boolean emergency;
        BigDecimal charge = BigDecimal.ZERO;
        int units = 1;
        final List<String> modifiers = new ArrayList<>();
        final List<Integer> pointers = new ArrayList<>();
    }

    private Claim837Reader() {}
}
