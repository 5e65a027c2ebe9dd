package org.stackadvisor.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A real file channel that breaks in the middle of its first positional write: it writes half of
 * the bytes to the file, then runs the fault (which closes the channel, or stops the process so
 * that it can be killed mid-record), and carries on as the broken channel would.
 */
final class FaultyChannel extends FileChannel {
    /** What happens once half of the first record is in the file. */
    @FunctionalInterface
    interface Fault {
        void halfWritten(FileChannel file) throws IOException, InterruptedException;
    }

    private final FileChannel file;
    private final Fault fault;
    private boolean broken;

    private FaultyChannel(FileChannel file, Fault fault) {
        this.file = file;
        this.fault = fault;
    }

    /** An opener for {@link AuditLog} whose channels break on their first write, with {@code fault}. */
    static AuditLog.ChannelOpener opening(Fault fault) {
        return (Path path, StandardOpenOption... options) -> new FaultyChannel(FileChannel.open(path, options), fault);
    }

    /** The fault that closes the channel under the writer: the rest of the record meets a closed stream. */
    static void close(FileChannel file) throws IOException {
        file.close();
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        if (broken) {
            return file.write(source, position);
        }
        broken = true;
        ByteBuffer half = source.duplicate();
        half.limit(source.position() + source.remaining() / 2);
        int written = 0;
        while (half.hasRemaining()) {
            written += file.write(half, position + written);
        }
        source.position(half.position());
        try {
            fault.halfWritten(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted mid-write");
        }
        return file.write(source, position + written) + written;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return file.read(destination);
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
        return file.read(destinations, offset, length);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return file.write(source);
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
        return file.write(sources, offset, length);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long position) throws IOException {
        file.position(position);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
        return file.transferFrom(source, position, count);
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
        return file.read(destination, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
