package org.chart2claim.payer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.chart2claim.config.Json;
import org.chart2claim.payer.x12.Remittance835Writer;
import org.chart2claim.standard.x12.X12Envelope;

/**
 * The answers of one claim file, written to a temporary file as they are decided instead of held in memory: the
 * file is the JSON answer itself ({@code {"claims":[...]}}, byte for byte what the API answers for the same results
 * held in a list), and the X12 835 is written from it, one payer and payee at a time, reading back only that
 * group's claims. Per claim only its place in the file is kept (16 bytes). Close it to delete the file.
 */
public final class SpooledResults implements AutoCloseable {
    private static final byte[] HEAD = "{\"claims\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private OutputStream out;
    private long written;
    private long[] offsets = new long[1024];
    private int[] lengths = new int[1024];
    /** Per claim: its payer-and-payee group of the 835, -1 when the 835 leaves it out (rejected). */
    private int[] groups = new int[1024];

    private final Map<String, Integer> groupByKey = new HashMap<>();
    private final List<BigDecimal> groupTotals = new ArrayList<>();
    private int size;
    private int rejected;
    private boolean taken;

    /** A new, empty answer in a temporary file of {@code directory} (the system's temporary folder when null). */
    public SpooledResults(Path directory) {
        try {
            file = directory == null
                    ? Files.createTempFile("claim-answers", ".json")
                    : Files.createTempFile(directory, "claim-answers", ".json");
            out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            write(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a temporary file for the answers", e);
        }
    }

    /** Appends the next answer (as the caller is shown it). */
    public void add(ClaimResult result) {
        add(result, null);
    }

    /** The same, with the answer's JSON when the caller has it already ({@code json}; null: written here). */
    public void add(ClaimResult result, String knownJson) {
        byte[] json =
                knownJson == null ? Json.MAPPER.writeValueAsBytes(result) : knownJson.getBytes(StandardCharsets.UTF_8);
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            groups = Arrays.copyOf(groups, size * 2);
        }
        if (size > 0) {
            write(new byte[] {','});
        }
        offsets[size] = written;
        lengths[size] = json.length;
        write(json);
        if (result.status() == ClaimStatus.REJECTED) {
            rejected++;
            groups[size] = -1;
        } else {
            int group = groupByKey.computeIfAbsent(Remittance835Writer.payee(result), k -> {
                groupTotals.add(BigDecimal.ZERO);
                return groupTotals.size() - 1;
            });
            groups[size] = group;
            groupTotals.set(group, groupTotals.get(group).add(result.paid()));
        }
        size++;
    }

    /** Ends the JSON answer; nothing may be added afterwards. */
    public void finish() {
        if (out == null) {
            return;
        }
        write(TAIL);
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the answers", e);
        }
        out = null;
    }

    public int size() {
        return size;
    }

    /** Answers rejected at the front end (no 835 for them). */
    public int rejected() {
        return rejected;
    }

    /** The JSON answer {@code {"claims":[...]}}, once {@link #finish finished}; may be read more than once. */
    public InputStream json() throws IOException {
        finish();
        return Files.newInputStream(file);
    }

    /**
     * The JSON answer, handed over: the file is deleted when the stream is closed (or, never read, when the stream
     * is collected), not by {@link #close}.
     */
    public InputStream takeJson() throws IOException {
        finish();
        InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
        taken = true;
        return in;
    }

    /** Something written to a stream, e.g. an 835. */
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /**
     * What {@code writing} writes, in a temporary file of its own that is deleted when the returned stream is
     * closed: an answer built in full (inside the transaction that must not commit without it) before it is sent.
     */
    public static InputStream spooled(Writing writing) throws IOException {
        Path temp = Files.createTempFile("claim-answer", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
                writing.to(out);
            }
            return Files.newInputStream(temp, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * The X12 835 of these answers, as {@link Remittance835Writer#write} writes it for the same results in a list:
     * one transaction per payer and payee in order of first appearance, rejected claims left out.
     */
    public void write835(Remittance835Writer writer, X12Envelope envelope, LocalDate paymentDate, OutputStream to)
            throws IOException {
        finish();
        // claims by group, in file order within each (a counting sort over the group numbers)
        int[] start = new int[groupTotals.size() + 1];
        for (int i = 0; i < size; i++) {
            if (groups[i] >= 0) {
                start[groups[i] + 1]++;
            }
        }
        for (int g = 0; g < groupTotals.size(); g++) {
            start[g + 1] += start[g];
        }
        int[] order = new int[start[groupTotals.size()]];
        int[] next = Arrays.copyOf(start, groupTotals.size());
        for (int i = 0; i < size; i++) {
            if (groups[i] >= 0) {
                order[next[groups[i]]++] = i;
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                Remittance835Writer.Streaming s = writer.open(envelope, paymentDate, to)) {
            for (int g = 0; g < groupTotals.size(); g++) {
                int from = start[g];
                int to835 = start[g + 1];
                s.appendPayee(
                        () -> new Iterator<>() {
                            int at = from;

                            @Override
                            public boolean hasNext() {
                                return at < to835;
                            }

                            @Override
                            public ClaimResult next() {
                                if (at >= to835) {
                                    throw new NoSuchElementException();
                                }
                                return read(channel, order[at++]);
                            }
                        },
                        groupTotals.get(g));
            }
        }
    }

    private ClaimResult read(FileChannel channel, int index) {
        ByteBuffer buffer = ByteBuffer.allocate(lengths[index]);
        try {
            long position = offsets[index];
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new IOException("the answers file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the answers back", e);
        }
        return Json.MAPPER.readValue(buffer.array(), ClaimResult.class);
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the answers", e);
        }
        written += bytes.length;
    }

    /** Deletes the file (unless {@link #takeJson} handed it over). */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            if (!taken) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
