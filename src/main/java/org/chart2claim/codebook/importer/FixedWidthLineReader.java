package org.chart2claim.codebook.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Reads a CRLF (or LF) text file line by line with a strict decoder, counting lines, so parsers can
 * report "file, line N" and notice wrong encodings (UTF-16, binary) and truncated last records.
 */
final class FixedWidthLineReader {

    private final InputStream in;
    private final String fileName;
    private final CharsetDecoder decoder;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkLength;
    private int chunkPos;
    private int lineNumber;
    private boolean lastLineTerminated = true;
    private long bytesRead;

    FixedWidthLineReader(InputStream in, String fileName, Charset charset) {
        this.in = in;
        this.fileName = fileName;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line without its line terminator, or null at the end of the file. */
    String readLine() throws IOException {
        buffer.reset();
        boolean sawAnything = false;
        while (true) {
            if (chunkPos >= chunkLength) {
                chunkLength = in.read(chunk);
                chunkPos = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    if (!sawAnything) {
                        return null;
                    }
                    lastLineTerminated = false;
                    return decode();
                }
                bytesRead += chunkLength;
            }
            byte b = chunk[chunkPos++];
            sawAnything = true;
            if (b == '\n') {
                lastLineTerminated = true;
                return decode();
            }
            if (b == 0) {
                throw new CodeSetImportException(
                        fileName, lineNumber + 1, "contains NUL bytes: wrong encoding (UTF-16?) or not a text file");
            }
            buffer.write(b);
        }
    }

    private String decode() {
        lineNumber++;
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new CodeSetImportException(
                    fileName,
                    lineNumber,
                    "bytes that are not valid " + decoder.charset().name() + ": wrong encoding?");
        }
    }

    int lineNumber() {
        return lineNumber;
    }

    /** False when the file's last line had no line terminator (a cut-off download, usually). */
    boolean lastLineTerminated() {
        return lastLineTerminated;
    }

    long bytesRead() {
        return bytesRead;
    }
}
