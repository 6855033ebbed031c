package org.chart2claim.standard.x12;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shared StAEDI writing helpers: envelope segments and X12 number/date/text formatting. */
public final class X12Writing {
    public static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private X12Writing() {}

    /** A StAEDI writer with one segment per line (readable in the UI; StAEDI still checks the envelope). */
    public static EDIStreamWriter newWriter(OutputStream out) {
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        EDIStreamWriter writer = factory.createEDIStreamWriter(out);
        // validate the envelope we write (ISA/GS/ST/SE/GE/IEA element types, lengths and codes)
        writer.setControlSchema(CONTROL_SCHEMA);
        return writer;
    }

    private static final io.xlate.edi.schema.Schema CONTROL_SCHEMA = loadControlSchema();

    private static io.xlate.edi.schema.Schema loadControlSchema() {
        try {
            return io.xlate.edi.schema.SchemaFactory.newFactory().getControlSchema("X12", new String[] {"00501"});
        } catch (io.xlate.edi.schema.EDISchemaException e) {
            throw new IllegalStateException("StAEDI X12 00501 control schema unavailable", e);
        }
    }

    public static void writeIsaGs(EDIStreamWriter w, X12Envelope env, String functionalId, String version)
            throws EDIStreamException {
        w.startInterchange();
        // ISA carries the delimiters themselves, so it is written raw (no delimiter scrubbing)
        w.writeStartSegment("ISA");
        for (String e : new String[] {
            "00",
            pad("", 10),
            "00",
            pad("", 10),
            "ZZ",
            pad(env.senderId(), 15),
            "ZZ",
            pad(env.receiverId(), 15),
            env.created().format(YYMMDD),
            env.created().format(HHMM),
            "^",
            "00501",
            env.isaControl(),
            "0",
            String.valueOf(env.usage()),
            ":"
        }) {
            w.writeElement(e);
        }
        w.writeEndSegment();
        segment(
                w,
                "GS",
                functionalId,
                env.senderId(),
                env.receiverId(),
                env.created().format(D8),
                env.created().format(HHMM),
                String.valueOf(env.controlNumber()),
                "X",
                version);
    }

    public static void writeGeIea(EDIStreamWriter w, X12Envelope env, int transactions) throws EDIStreamException {
        segment(w, "GE", String.valueOf(transactions), String.valueOf(env.controlNumber()));
        segment(w, "IEA", "1", env.isaControl());
        w.endInterchange();
    }

    /** Writes a segment of simple elements, dropping trailing empty elements as X12 requires. */
    public static void segment(EDIStreamWriter w, String tag, String... elements) throws EDIStreamException {
        w.writeStartSegment(tag);
        int last = elements.length;
        while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            if (elements[i] == null || elements[i].isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement(text(elements[i]));
            }
        }
        w.writeEndSegment();
    }

    /** Writes one composite element, dropping trailing empty components. */
    public static void composite(EDIStreamWriter w, String... components) throws EDIStreamException {
        int last = components.length;
        while (last > 0 && (components[last - 1] == null || components[last - 1].isEmpty())) {
            last--;
        }
        w.writeStartElement();
        for (int i = 0; i < last; i++) {
            if (components[i] == null || components[i].isEmpty()) {
                w.writeEmptyComponent();
            } else {
                w.writeComponent(text(components[i]));
            }
        }
        w.endElement();
    }

    public static void element(EDIStreamWriter w, String value) throws EDIStreamException {
        if (value == null || value.isEmpty()) {
            w.writeEmptyElement();
        } else {
            w.writeElement(text(value));
        }
    }

    /** X12 decimal: no trailing zeros, no leading '+', e.g. 150, 96.5, 0. */
    public static String amount(BigDecimal value) {
        if (value == null) {
            return "0";
        }
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    /** Replaces delimiter characters with spaces, so free text cannot break the interchange. */
    public static String text(String s) {
        return DELIMITERS.matcher(s).find() ? DELIMITERS.matcher(s).replaceAll(" ") : s;
    }

    private static final java.util.regex.Pattern DELIMITERS = java.util.regex.Pattern.compile("[~*:^>\\r\\n]");

    /** Names and addresses go out in upper case, as clearinghouses expect. */
    public static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    static String pad(String s, int width) {
        String t = s == null ? "" : text(s).toUpperCase(Locale.ROOT);
        if (t.length() > width) {
            return t.substring(0, width);
        }
        return t + " ".repeat(width - t.length());
    }
}
