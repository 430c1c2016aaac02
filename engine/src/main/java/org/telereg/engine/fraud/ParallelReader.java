package org.telereg.engine.fraud;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Streams one input file through one {@link LineWorker} per shard: the calling thread reads (and inflates)
 * blocks of whole lines and hands the same block to every worker thread; a block goes back to the pool when
 * all workers are done with it. Memory is the pool, whatever the size of the file.
 */
final class ParallelReader {

    private static final int BLOCK_SIZE = 1 << 22;
    private static final long PROGRESS_STEP = 16L << 20;

    private ParallelReader() {}

    static InputReport read(Path file, InputKind kind, ShardState[] shards, int badRowsToKeep, ScanProgress progress)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such " + kind.label() + " file");
        }
        long size = Files.size(file);
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
                InputStream in = decompressed(counted)) {
            Block first = new Block(BLOCK_SIZE);
            int filled = fill(in, first.data, 0);
            int headerEnd = Bytes.indexOfNewline(first.data, 0, filled);
            while (headerEnd < 0 && filled == first.data.length) {
                first.data = Arrays.copyOf(first.data, first.data.length * 2);
                filled = fill(in, first.data, filled);
                headerEnd = Bytes.indexOfNewline(first.data, 0, filled);
            }
            if (filled == 0) {
                throw new CdrFormatException(
                        file, "the " + kind.label() + " file is empty (no header line)", List.of());
            }
            int[] columns = CsvHeader.locate(file, kind, first.data, 0, headerEnd < 0 ? filled : headerEnd);
            LineWorker[] workers = new LineWorker[shards.length];
            for (int s = 0; s < shards.length; s++) {
                workers[s] = new LineWorker(s, shards.length, shards[s], kind, columns, badRowsToKeep);
            }
            first.start = headerEnd < 0 ? filled : headerEnd + 1;
            new Pipeline(workers, file, kind, size, counted, progress).run(in, first, filled);

            long badRows = 0;
            List<BadRow> bad = new ArrayList<>();
            for (LineWorker worker : workers) {
                badRows += worker.badRows();
                bad.addAll(worker.firstBadRows());
            }
            bad.sort(Comparator.comparingLong(BadRow::line));
            return new InputReport(
                    kind.label(),
                    file,
                    size,
                    workers[0].rows(),
                    badRows,
                    bad.subList(0, Math.min(badRowsToKeep, bad.size())));
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        // gzip's magic number; a CSV never starts with these two bytes.
        if (first == 0x1F && second == 0x8B) {
            return new GZIPInputStream(buffered, 1 << 16);
        }
        return buffered;
    }

    /** Reads until {@code data} is full or the stream ends; returns the new fill level. */
    private static int fill(InputStream in, byte[] data, int from) throws IOException {
        int filled = from;
        while (filled < data.length) {
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static final class Block {
        byte[] data;
        int start;
        int end;
        boolean last;
        final AtomicInteger pending = new AtomicInteger();

        Block(int size) {
            data = new byte[size];
        }
    }

    private static final class Pipeline {
        private static final Block END = new Block(0);

        private final LineWorker[] workers;
        private final Path file;
        private final InputKind kind;
        private final long size;
        private final CountingStream counted;
        private final ScanProgress progress;
        private final BlockingQueue<Block> free;
        private final List<BlockingQueue<Block>> queues = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Pipeline(
                LineWorker[] workers,
                Path file,
                InputKind kind,
                long size,
                CountingStream counted,
                ScanProgress progress) {
            this.workers = workers;
            this.file = file;
            this.kind = kind;
            this.size = size;
            this.counted = counted;
            this.progress = progress;
            int poolSize = 2 * workers.length + 2;
            this.free = new ArrayBlockingQueue<>(poolSize);
            for (int i = 0; i < workers.length; i++) {
                queues.add(new ArrayBlockingQueue<>(poolSize + 1));
            }
            for (int i = 1; i < poolSize; i++) {
                free.add(new Block(BLOCK_SIZE));
            }
        }

        void run(InputStream in, Block first, int filled) throws IOException {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < workers.length; i++) {
                LineWorker worker = workers[i];
                BlockingQueue<Block> queue = queues.get(i);
                Thread thread = new Thread(() -> work(worker, queue), "telereg-fraud-" + kind.label() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            try {
                produce(in, first, filled);
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            } finally {
                for (BlockingQueue<Block> queue : queues) {
                    putUninterruptibly(queue, END);
                }
                for (Thread thread : threads) {
                    joinUninterruptibly(thread);
                }
            }
            Throwable failed = failure.get();
            if (failed instanceof IOException e) {
                throw e;
            } else if (failed instanceof RuntimeException e) {
                throw e;
            } else if (failed instanceof Error e) {
                throw e;
            } else if (failed != null) {
                throw new IOException("reading " + file + " was interrupted", failed);
            }
        }

        private void produce(InputStream in, Block block, int filled) throws IOException, InterruptedException {
            byte[] carry = new byte[0];
            int carried = 0;
            long reported = 0;
            while (true) {
                if (failure.get() != null) {
                    return;
                }
                filled = fill(in, block.data, filled);
                boolean last = filled < block.data.length;
                int end = filled;
                if (!last) {
                    int newline = lastNewline(block.data, block.start, filled);
                    if (newline < 0) {
                        // A line longer than the block: grow the block and read on.
                        block.data = Arrays.copyOf(block.data, block.data.length * 2);
                        continue;
                    }
                    end = newline + 1;
                }
                carried = filled - end;
                if (carried > carry.length) {
                    carry = new byte[Math.max(carried, 2 * carry.length)];
                }
                System.arraycopy(block.data, end, carry, 0, carried);
                block.end = end;
                block.last = last;
                block.pending.set(workers.length);
                for (BlockingQueue<Block> queue : queues) {
                    queue.put(block);
                }
                if (progress != null && counted.count - reported >= PROGRESS_STEP) {
                    reported = counted.count;
                    progress.update(kind.label(), reported, size);
                }
                if (last) {
                    if (progress != null) {
                        progress.update(kind.label(), size, size);
                    }
                    return;
                }
                block = free.take();
                System.arraycopy(carry, 0, block.data, 0, carried);
                block.start = 0;
                filled = carried;
            }
        }

        private void work(LineWorker worker, BlockingQueue<Block> queue) {
            while (true) {
                Block block;
                try {
                    block = queue.take();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                if (block == END) {
                    return;
                }
                try {
                    if (failure.get() == null) {
                        worker.lines(block.data, block.start, block.end);
                    }
                } catch (Throwable e) {
                    // Keep draining so that the reading thread never waits for a block that will not come back.
                    failure.compareAndSet(null, e);
                } finally {
                    if (block.pending.decrementAndGet() == 0) {
                        if (block.data.length != BLOCK_SIZE) {
                            block.data = new byte[BLOCK_SIZE];
                        }
                        free.offer(block);
                    }
                }
            }
        }

        private static int lastNewline(byte[] data, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (data[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static void putUninterruptibly(BlockingQueue<Block> queue, Block block) {
            boolean interrupted = false;
            while (true) {
                try {
                    queue.put(block);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private static void joinUninterruptibly(Thread thread) {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts the bytes read from the file, before inflation, for progress. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
