package org.chart2claim.claim.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams an X12 interchange segment by segment with StAEDI, which checks the envelope as it goes (ISA
 * field widths and delimiters, ISA/IEA and GS/GE control numbers, SE/GE/IEA counts, element syntax).
 * The first problem stops the read with an {@link X12FormatException} naming segment and position. Nothing
 * but the segment being read is held, so a file of any size is read in bounded memory; what the receiver of the
 * segments throws passes through unchanged.
 */
public final class X12SegmentReader {
    private static final EDIInputFactory FACTORY = newFactory();

    private static EDIInputFactory newFactory() {
        EDIInputFactory f = EDIInputFactory.newFactory();
        f.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        // Code-value checks on ISA/GS would reject harmless test-indicator variants; structure and counts matter.
        f.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        // Line breaks after segment terminators are common in files people paste.
        f.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        return f;
    }

    private X12SegmentReader() {}

    public static void read(InputStream in, Consumer<Segment> sink) throws X12FormatException {
        int segmentCount = 0;
        String tag = "";
        List<List<String>> elements = null;
        List<String> composite = null;
        boolean sawInterchange = false;
        try (EDIStreamReader reader = FACTORY.createEDIStreamReader(in)) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> sawInterchange = true;
                    case START_SEGMENT -> {
                        segmentCount++;
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> composite = new ArrayList<>();
                    case END_COMPOSITE -> {
                        if (elements != null) {
                            put(elements, reader.getLocation().getElementPosition(), composite);
                        }
                        composite = null;
                    }
                    case ELEMENT_DATA -> {
                        String text = reader.getText();
                        if (composite != null) {
                            int c = Math.max(1, reader.getLocation().getComponentPosition());
                            while (composite.size() < c - 1) {
                                composite.add("");
                            }
                            composite.add(text);
                        } else if (elements != null) {
                            Location loc = reader.getLocation();
                            // repeated elements (ISA11 ^) arrive as later occurrences: keep the first
                            if (loc.getElementOccurrence() <= 1) {
                                put(elements, loc.getElementPosition(), new ArrayList<>(List.of(text)));
                            }
                        }
                    }
                    case END_SEGMENT -> {
                        if (elements != null) {
                            deliver(sink, new Segment(tag, elements, segmentCount));
                        }
                        elements = null;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location loc = reader.getLocation();
                        throw new X12FormatException(
                                orDefault(loc.getSegmentTag(), tag),
                                segmentCount,
                                Math.max(0, loc.getElementPosition()),
                                describe(reader));
                    }
                    default -> {}
                }
            }
        } catch (SinkFailed e) {
            throw e.failure;
        } catch (EDIStreamException e) {
            Location loc = e.getLocation();
            throw new X12FormatException(
                    loc == null ? tag : orDefault(loc.getSegmentTag(), tag),
                    loc == null ? segmentCount : Math.max(segmentCount, loc.getSegmentPosition()),
                    loc == null ? 0 : Math.max(0, loc.getElementPosition()),
                    clean(e.getMessage()));
        } catch (EDIValidationException e) {
            Location loc = e.getLocation();
            throw new X12FormatException(
                    loc == null ? tag : orDefault(loc.getSegmentTag(), tag),
                    segmentCount,
                    loc == null ? 0 : Math.max(0, loc.getElementPosition()),
                    readable(e.getError().name()));
        } catch (IOException | RuntimeException e) {
            throw new X12FormatException(tag, segmentCount, 0, "unreadable input (" + clean(e.getMessage()) + ")");
        }
        if (!sawInterchange) {
            throw new X12FormatException(
                    "ISA", 0, 0, "no X12 interchange found: the data must start with an ISA segment");
        }
    }

    /**
     * Hands a segment on; what the receiver throws (e.g. the payer stopping a file it adjudicates while it is read)
     * is its own failure, passed on as it is, never reported as unreadable X12.
     */
    private static void deliver(Consumer<Segment> sink, Segment segment) {
        try {
            sink.accept(segment);
        } catch (RuntimeException e) {
            throw new SinkFailed(e);
        }
    }

    private static final class SinkFailed extends RuntimeException {
        final RuntimeException failure;

        SinkFailed(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private static void put(List<List<String>> elements, int position, List<String> value) {
        int index = Math.max(1, position) - 1;
        while (elements.size() < index) {
            elements.add(List.of(""));
        }
        if (elements.size() == index) {
            elements.add(value);
        } else {
            elements.set(index, value);
        }
    }

    private static String describe(EDIStreamReader reader) {
        String text = reader.hasText() ? reader.getText() : "";
        String what = readable(reader.getErrorType().name());
        return text == null || text.isEmpty() ? what : what + " ('" + text + "')";
    }

    private static String readable(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isEmpty() ? fallback : s;
    }

    private static String clean(String message) {
        return message == null
                ? "unknown problem"
                : message.replaceAll("\\s+", " ").trim();
    }
}
