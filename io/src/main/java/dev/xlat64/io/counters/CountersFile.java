package dev.xlat64.io.counters;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * The gateway's counters in a memory-mapped file, so that another process ({@code xlat64 stats}, a Prometheus
 * exporter) reads them live while the gateway runs, as Aeron's CnC file does.
 *
 * <pre>
 *  offset  field
 *  0       int  magic 0x58363443 ("X64C")
 *  4       int  layout version (1)
 *  8       int  metadata buffer length (bytes)
 *  12      int  values buffer length (bytes)
 *  16      long pid of the writing process
 *  24      long start time, epoch milliseconds
 *  32..127      reserved (zero)
 *  128     metadata buffer (Agrona CountersReader layout)
 *  128+M   values buffer
 * </pre>
 * Header fields are written in native order (the file never leaves the machine) and the magic last, with a
 * release store, so a reader that sees the magic sees a complete header.
 */
public final class CountersFile implements AutoCloseable
{
    public static final int MAGIC = 0x58363443;
    public static final int VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int METADATA_LENGTH_OFFSET = 8;
    public static final int VALUES_LENGTH_OFFSET = 12;
    public static final int PID_OFFSET = 16;
    public static final int START_TIME_OFFSET = 24;
    public static final int HEADER_LENGTH = 128;

    /** Where a gateway puts its counters unless {@code gateway.counters-file} says otherwise. */
    public static final Path DEFAULT_PATH = Files.isDirectory(Path.of("/dev/shm")) ?
        Path.of("/dev/shm/xlat64/counters") : Path.of(System.getProperty("java.io.tmpdir"), "xlat64", "counters");

    private final Path path;
    private final MappedByteBuffer mapping;
    private final UnsafeBuffer header;
    private final CountersReader reader;
    private final CountersManager manager;
    private final boolean owner;
    private boolean closed;

    private CountersFile(
        final Path path, final MappedByteBuffer mapping, final int metadataLength, final int valuesLength,
        final boolean owner)
    {
        this.path = path;
        this.mapping = mapping;
        this.owner = owner;
        final UnsafeBuffer whole = new UnsafeBuffer(mapping);
        this.header = new UnsafeBuffer(whole, 0, HEADER_LENGTH);
        final UnsafeBuffer metadata = new UnsafeBuffer(whole, HEADER_LENGTH, metadataLength);
        final UnsafeBuffer values = new UnsafeBuffer(whole, HEADER_LENGTH + metadataLength, valuesLength);
        if (owner)
        {
            this.manager = new CountersManager(metadata, values);
            this.reader = manager;
        }
        else
        {
            this.manager = null;
            this.reader = new CountersReader(metadata, values);
        }
    }

    /**
     * Creates the file for a gateway that will hold up to {@code maxCounters} counters. A file left by a process
     * that is gone is replaced; a file of a running gateway is not.
     *
     * @throws IOException when the file cannot be made, or belongs to a live process (the message says which).
     */
    public static CountersFile create(final Path path, final int maxCounters) throws IOException
    {
        if (Files.exists(path))
        {
            final long pid = livePid(path);
            if (pid > 0 && pid != ProcessHandle.current().pid())
            {
                throw new IOException("counters file " + path + " belongs to running process " + pid +
                    "; stop it or set gateway.counters-file to another path");
            }
            Files.delete(path);
        }
        final Path parent = path.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        final int metadataLength = maxCounters * CountersReader.METADATA_LENGTH;
        final int valuesLength = maxCounters * CountersReader.COUNTER_LENGTH;
        final long fileLength = (long)HEADER_LENGTH + metadataLength + valuesLength;
        final MappedByteBuffer mapping;
        try (FileChannel channel = FileChannel.open(
            path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileLength);
        }
        final CountersFile file = new CountersFile(path, mapping, metadataLength, valuesLength, true);
        file.header.putInt(VERSION_OFFSET, VERSION);
        file.header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
        file.header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        file.header.putLong(PID_OFFSET, ProcessHandle.current().pid());
        file.header.putLong(START_TIME_OFFSET, System.currentTimeMillis());
        file.header.putIntRelease(MAGIC_OFFSET, MAGIC);
        return file;
    }

    /**
     * Opens the file of a running (or finished) gateway for reading.
     *
     * @throws IOException naming the path when it is missing or not a counters file.
     */
    public static CountersFile openForReading(final Path path) throws IOException
    {
        final MappedByteBuffer mapping;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            if (channel.size() < HEADER_LENGTH)
            {
                throw new IOException("counters file " + path + " is too short to be one (" + channel.size() + " bytes)");
            }
            mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        catch (final NoSuchFileException ex)
        {
            throw new IOException("no counters file at " + path +
                " (is the gateway running? `xlat64 run` creates it; --counters-file picks another path)");
        }
        final UnsafeBuffer header = new UnsafeBuffer(mapping);
        if (header.getIntAcquire(MAGIC_OFFSET) != MAGIC || header.getInt(VERSION_OFFSET) != VERSION)
        {
            IoUtil.unmap(mapping);
            throw new IOException(path + " is not an xlat64 counters file (layout version " + VERSION + ")");
        }
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        if ((long)HEADER_LENGTH + metadataLength + valuesLength > mapping.capacity())
        {
            IoUtil.unmap(mapping);
            throw new IOException("counters file " + path + " is truncated");
        }
        return new CountersFile(path, mapping, metadataLength, valuesLength, false);
    }

    private static long livePid(final Path path)
    {
        try
        {
            final CountersFile existing = openForReading(path);
            final long pid = existing.pid();
            existing.unmap();
            return ProcessHandle.of(pid).map(p -> p.isAlive() ? pid : 0L).orElse(0L);
        }
        catch (final IOException ex)
        {
            return 0L;
        }
    }

    /**
     * @return the manager that allocates counters; only in the file's creator.
     */
    public CountersManager manager()
    {
        if (manager == null)
        {
            throw new IllegalStateException("counters file " + path + " was opened for reading");
        }
        return manager;
    }

    public CountersReader reader()
    {
        return reader;
    }

    public long pid()
    {
        return header.getLong(PID_OFFSET);
    }

    public long startTimeMs()
    {
        return header.getLong(START_TIME_OFFSET);
    }

    public Path path()
    {
        return path;
    }

    private void unmap()
    {
        IoUtil.unmap(mapping);
    }

    /**
     * Unmaps the file; the creator also deletes it (a stopped gateway leaves nothing behind).
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        unmap();
        if (owner)
        {
            try
            {
                Files.deleteIfExists(path);
            }
            catch (final IOException ignored)
            {
                // Best effort: a leftover file is replaced by the next gateway (create() checks its pid).
            }
        }
    }
}
