package org.chart2claim.payer.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request's body copied to a temporary file as fast as it arrives, before the long work on it starts: the work
 * then reads it from disk (memory stays bounded), and the whole body has been read, so the server can look past it
 * for a client that hung up ({@code config.ClientConnection}; TCP reports the hang-up only after the last byte the
 * client sent). A body that fails while it arrives (over its limit, cut off) fails here, before anything is stored.
 * Closing it deletes the file.
 */
final class ReceivedFile implements AutoCloseable {
    private final Path file;

    private ReceivedFile(Path file) {
        this.file = file;
    }

    static ReceivedFile of(InputStream body) throws IOException {
        Path file = Files.createTempFile("claim-file", ".body");
        try (OutputStream out = Files.newOutputStream(file)) {
            body.transferTo(out);
            return new ReceivedFile(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
