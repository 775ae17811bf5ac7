package org.nnplayground.playground.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system (tmpfs) for a test's data directory, so a full disk and a read-only one
 * are what the server meets in production (file permissions mean nothing to root). Needs the right
 * to mount (or to set attributes): where it is missing the test is skipped.
 */
final class SmallDisk implements AutoCloseable {
    final Path dir;
    private final Path filler;

    private SmallDisk(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** A tmpfs of {@code megabytes} mounted on a new temporary directory, or null when this user may not mount. */
    static SmallDisk mount(int megabytes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("small-disk-");
        if (!run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString())) {
            Files.delete(dir);
            return null;
        }
        return new SmallDisk(dir);
    }

    /** Writes a file until the disk is full. */
    void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!full.getMessage().contains("No space")) throw full;
        }
    }

    /** Deletes what {@link #fill} wrote. */
    void free() throws IOException { Files.deleteIfExists(filler); }

    /**
     * Makes {@code dir} and everything in it immutable (true: every write and new file is refused by
     * the kernel, for root too, also through files already open) or writable again (false); false
     * when this user or file system cannot ({@code chattr}).
     */
    static boolean readOnly(Path dir, boolean on) throws IOException, InterruptedException {
        return run("chattr", "-R", on ? "+i" : "-i", dir.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
        Files.deleteIfExists(dir);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchCommand) {
            return false;
        }
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
