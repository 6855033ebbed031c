package org.chart2claim.codebook.importer;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX reading hardened against hostile files: no DTDs, no external entities (XXE), no entity
 * expansion; any DOCTYPE is refused outright since the official files never carry one.
 */
final class SecureXml {

    private final XMLStreamReader reader;
    private final String fileName;

    private SecureXml(XMLStreamReader reader, String fileName) {
        this.reader = reader;
        this.fileName = fileName;
    }

    static SecureXml open(InputStream in, String fileName) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            return new SecureXml(factory.createXMLStreamReader(in), fileName);
        } catch (XMLStreamException e) {
            throw failure(fileName, e);
        }
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException notSupported) {
            // Other StAX implementations: SUPPORT_DTD=false already keeps them from fetching anything.
        }
    }

    /** Moves to the root element and returns its name. */
    String root() {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return reader.getLocalName();
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new CodeSetImportException(fileName, line(), "no XML element found: empty file?");
            }
        }
    }

    /**
     * Advances to the next child start element of the current element, or returns false when the
     * current element ends. Text between elements is ignored.
     */
    boolean nextChild() {
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new CodeSetImportException(
                            fileName, line(), "the XML ends before its elements are closed: the file looks truncated");
                default:
                // characters, comments, processing instructions: nothing to do
            }
        }
    }

    String fileName() {
        return fileName;
    }

    String name() {
        return reader.getLocalName();
    }

    String attribute(String name) {
        return reader.getAttributeValue(null, name);
    }

    /** All text inside the current element (child elements included), whitespace normalized. */
    String text() {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getText());
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new CodeSetImportException(
                            fileName, line(), "the XML ends inside an element: the file looks truncated");
                default -> {}
            }
        }
        return normalize(text);
    }

    /** Skips the current element with everything inside it. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new CodeSetImportException(
                        fileName, line(), "the XML ends inside an element: the file looks truncated");
            }
        }
    }

    /** Mixed content reading for index titles: text of the element itself and of one named child. */
    String[] textAndChild(String childName) {
        StringBuilder own = new StringBuilder();
        StringBuilder child = new StringBuilder();
        int depth = 1;
        boolean inChild = false;
        while (depth > 0) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 2 && childName.equals(reader.getLocalName())) {
                        inChild = true;
                        if (!child.isEmpty()) {
                            child.append(' ');
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth == 1) {
                        inChild = false;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    (inChild ? child : own).append(reader.getText());
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new CodeSetImportException(
                            fileName, line(), "the XML ends inside an element: the file looks truncated");
                default -> {}
            }
        }
        return new String[] {normalize(own), normalize(child)};
    }

    int line() {
        Location location = reader.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    CodeSetImportException problem(String message) {
        return new CodeSetImportException(fileName, line(), message);
    }

    void close() {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // closing a reader over a stream we close ourselves
        }
    }

    private int next() {
        try {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new CodeSetImportException(
                        fileName,
                        line(),
                        "DOCTYPE declarations are not accepted (the official files have none; this blocks XXE)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new CodeSetImportException(
                        fileName, line(), "entity reference &" + reader.getLocalName() + "; is not accepted");
            }
            return event;
        } catch (XMLStreamException e) {
            throw failure(fileName, e);
        }
    }

    private static CodeSetImportException failure(String fileName, XMLStreamException e) {
        Location location = e.getLocation();
        int line = location == null ? 0 : Math.max(location.getLineNumber(), 0);
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int marker = message.indexOf("Message: ");
        if (marker >= 0) {
            message = message.substring(marker + "Message: ".length());
        }
        return new CodeSetImportException(fileName, line, "malformed XML: " + message.strip(), e);
    }

    static String normalize(CharSequence text) {
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
