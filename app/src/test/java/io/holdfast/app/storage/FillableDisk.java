package io.holdfast.app.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk for H2 that a test fills and empties: {@code jdbc:h2:fillable:<path>} is H2's file at that
 * path, whose writes fail as the JDK reports a full disk while {@link #fill()} holds.
 */
public final class FillableDisk extends FilePathWrapper {

    private static volatile boolean full;

    /** H2 makes one for each path, by reflection. */
    public FillableDisk() {}

    static {
        FilePath.register(new FillableDisk());
    }

    /** Registers the {@code fillable:} prefix with H2, once per JVM. */
    static void install() {}

    static void fill() {
        full = true;
    }

    static void makeRoom() {
        full = false;
    }

    @Override
    public String getScheme() {
        return "fillable";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        private static void roomForWriting() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            roomForWriting();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            roomForWriting();
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
