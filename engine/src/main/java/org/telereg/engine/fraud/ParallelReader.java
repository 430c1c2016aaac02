package org.telereg.engine.fraud;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Streams one input file through the shard threads: the calling thread reads (and inflates) blocks of whole
 * lines; any shard thread takes the next block, parses each of its lines once ({@link LineWorker}) and routes each
 * row, encoded, to the {@link RecordBatch} of the shard its subscriber hashes to; each shard thread applies the
 * batches of its own shard to its {@link ShardState}. Blocks and batches come from fixed pools and go back to them
 * once parsed or applied, so memory is the pools, whatever the size of the file.
 */
final class ParallelReader {

    private static final int BLOCK_SIZE = 1 << 20;
    private static final long PROGRESS_STEP = 16L << 20;
    /** Batch sets (one batch per shard) per parsing thread: one being filled, the others waiting to be applied. */
    private static final int BATCH_SETS = 3;

    private ParallelReader() {}

    static InputReport read(Path file, InputKind kind, ShardState[] shards, int badRowsToKeep, ScanProgress progress)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such " + kind.label() + " file");
        }
        long size = Files.size(file);
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
                InputStream in = CdrStreams.decompressed(counted)) {
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
            LineWorker[] parsers = new LineWorker[shards.length];
            for (int s = 0; s < shards.length; s++) {
                parsers[s] = new LineWorker(s, shards.length, kind, columns, badRowsToKeep);
            }
            first.start = headerEnd < 0 ? filled : headerEnd + 1;
            if (kind == InputKind.CALLS) {
                reservePairs(shards, first.data, first.start, filled, size, counted.count);
            }
            Pipeline pipeline = new Pipeline(shards, parsers, file, kind, size, counted, progress);
            pipeline.run(in, first, filled);

            // Line numbers: the header is line 1, then each block's lines in file order.
            long line = 1;
            long rows = 0;
            long badRows = 0;
            List<BadRow> bad = new ArrayList<>();
            for (LineWorker.Lines block : pipeline.blocks) {
                for (BadRow row : block.firstBadRows()) {
                    bad.add(new BadRow(line + row.line(), row.problem(), row.text()));
                }
                line += block.lines();
                rows += block.lines() - block.blankLines();
                badRows += block.badRows();
            }
            bad.sort(Comparator.comparingLong(BadRow::line));
            return new InputReport(
                    kind.label(), file, size, rows, badRows, bad.subList(0, Math.min(badRowsToKeep, bad.size())));
        }
    }

    /**
     * Sizes the shards' pair tables for the calls file's rows, estimated from the first block's lines and the
     * file's size (compressed bytes read so far for gzip), and their contact and hour buckets ({@link PairBuckets})
     * for the same rows. The table is sized for one pair per four records, what the handsets, places, days and hours
     * of each subscriber came to on generated traffic when it held the hours too (a fifth of the pairs; they are
     * kept in the buckets since 2026-12-04). At most a quarter of the heap in all, so that a file whose pairs do
     * not fit the heap still fails only when they do not, and one with few distinct pairs wastes at most that.
     */
    private static void reservePairs(ShardState[] shards, byte[] data, int from, int to, long size, long read) {
        long lines = 0;
        for (int at = Bytes.indexOfNewline(data, from, to); at >= 0; at = Bytes.indexOfNewline(data, at + 1, to)) {
            lines++;
        }
        long rows = read >= size || read <= 0 ? lines : (long) (lines * ((double) size / read));
        long maxBytes = Runtime.getRuntime().maxMemory() / 4 / shards.length;
        for (ShardState shard : shards) {
            shard.reservePairs(rows / 4 / shards.length, maxBytes);
            // Half the shard's rows held at a time, at most a sixteenth of the heap for all shards.
            shard.reserveHeld(rows / 2 / shards.length, Runtime.getRuntime().maxMemory() / 16 / shards.length);
            // Contacts and hours merged only at the end while they take at most an eighth of the heap for all shards.
            shard.reserveBuckets(rows / shards.length, Runtime.getRuntime().maxMemory() / 8 / shards.length);
        }
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
        int order;

        Block(int size) {
            data = new byte[size];
        }
    }

    /**
     * The queues between the reading thread and the shard threads, all behind one lock: they change once per
     * block or batch (a megabyte of input), so the lock costs nothing next to the parsing.
     */
    private static final class Pipeline {
        private final ShardState[] shards;
        private final LineWorker[] parsers;
        private final Path file;
        private final InputKind kind;
        private final long size;
        private final CountingStream counted;
        private final ScanProgress progress;

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<Block> freeBlocks = new ArrayDeque<>();
        private final ArrayDeque<Block> toParse = new ArrayDeque<>();
        private final ArrayDeque<RecordBatch>[] toApply;
        private final ArrayDeque<RecordBatch>[] freeBatches;
        private final int[] batchesMade;
        private int blocksPending;
        private boolean allRead;
        private Throwable failure;
        /** What each block held, by its position in the file. */
        final List<LineWorker.Lines> blocks = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Pipeline(
                ShardState[] shards,
                LineWorker[] parsers,
                Path file,
                InputKind kind,
                long size,
                CountingStream counted,
                ScanProgress progress) {
            this.shards = shards;
            this.parsers = parsers;
            this.file = file;
            this.kind = kind;
            this.size = size;
            this.counted = counted;
            this.progress = progress;
            int threads = shards.length;
            toApply = new ArrayDeque[threads];
            freeBatches = new ArrayDeque[threads];
            batchesMade = new int[threads];
            for (int i = 0; i < threads; i++) {
                toApply[i] = new ArrayDeque<>();
                freeBatches[i] = new ArrayDeque<>();
            }
            for (int i = 1; i < threads + 2; i++) {
                freeBlocks.add(new Block(BLOCK_SIZE));
            }
        }

        void run(InputStream in, Block first, int filled) throws IOException {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < shards.length; i++) {
                int index = i;
                Thread thread = new Thread(() -> work(index), "telereg-fraud-" + kind.label() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            try {
                produce(in, first, filled);
            } catch (IOException | RuntimeException e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            } finally {
                lock.lock();
                try {
                    allRead = true;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
                for (Thread thread : threads) {
                    joinUninterruptibly(thread);
                }
            }
            Throwable failed = failure;
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

        private void fail(Throwable e) {
            lock.lock();
            try {
                if (failure == null) {
                    failure = e;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void produce(InputStream in, Block block, int filled) throws IOException, InterruptedException {
            byte[] carry = new byte[0];
            int carried = 0;
            long reported = 0;
            int order = 0;
            while (true) {
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
                block.order = order++;
                lock.lock();
                try {
                    if (failure != null) {
                        return;
                    }
                    blocks.add(null);
                    toParse.add(block);
                    blocksPending++;
                    changed.signalAll();
                } finally {
                    lock.unlock();
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
                lock.lock();
                try {
                    while (freeBlocks.isEmpty() && failure == null) {
                        changed.await();
                    }
                    if (failure != null) {
                        return;
                    }
                    block = freeBlocks.poll();
                } finally {
                    lock.unlock();
                }
                System.arraycopy(carry, 0, block.data, 0, carried);
                block.start = 0;
                filled = carried;
            }
        }

        /**
         * Shard thread {@code index}: applies the batches of its shard as they come and, when there are none,
         * parses the next block. Applying first keeps the batches in flight, and so memory, few.
         */
        private void work(int index) {
            try {
                while (true) {
                    RecordBatch batch = null;
                    Block block = null;
                    lock.lock();
                    try {
                        while (failure == null) {
                            batch = toApply[index].poll();
                            if (batch != null) {
                                break;
                            }
                            block = toParse.poll();
                            if (block != null || (allRead && blocksPending == 0)) {
                                break;
                            }
                            changed.await();
                        }
                    } finally {
                        lock.unlock();
                    }
                    if (batch != null) {
                        apply(index, batch);
                    } else if (block != null) {
                        parse(index, block);
                    } else {
                        // No batch can come any more: the file's last call records are applied before it counts
                        // as read (the next file's records, and sharing IMEIs across shards, need them).
                        shards[index].applyPending();
                        return;
                    }
                }
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void apply(int index, RecordBatch batch) {
            shards[index].apply(batch);
            lock.lock();
            try {
                freeBatches[batch.parser].add(batch);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void parse(int index, Block block) throws InterruptedException {
            RecordBatch[] out = batches(index);
            LineWorker.Lines lines = parsers[index].lines(block.data, block.start, block.end, block.order, out);
            lock.lock();
            try {
                for (int s = 0; s < out.length; s++) {
                    (out[s].count > 0 ? toApply[s] : freeBatches[index]).add(out[s]);
                }
                blocks.set(block.order, lines);
                if (block.data.length != BLOCK_SIZE) {
                    block.data = new byte[BLOCK_SIZE];
                }
                freeBlocks.add(block);
                blocksPending--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /**
         * One empty batch per shard for parser {@code index}. While none is free, the thread applies its own
         * shard's batches: they may be what the other threads wait for, and its own.
         */
        private RecordBatch[] batches(int index) throws InterruptedException {
            int count = shards.length;
            RecordBatch[] out = new RecordBatch[count];
            lock.lock();
            try {
                while (freeBatches[index].size() < count && batchesMade[index] < BATCH_SETS * count) {
                    freeBatches[index].add(new RecordBatch(index));
                    batchesMade[index]++;
                }
                while (freeBatches[index].size() < count) {
                    if (failure != null) {
                        throw new IllegalStateException("reading failed", failure);
                    }
                    RecordBatch own = toApply[index].poll();
                    if (own != null) {
                        lock.unlock();
                        try {
                            shards[index].apply(own);
                        } finally {
                            lock.lock();
                        }
                        freeBatches[own.parser].add(own);
                        changed.signalAll();
                    } else {
                        changed.await();
                    }
                }
                for (int s = 0; s < count; s++) {
                    out[s] = freeBatches[index].poll();
                    out[s].clear(kind);
                }
            } finally {
                lock.unlock();
            }
            return out;
        }

        private static int lastNewline(byte[] data, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (data[i] == '\n') {
                    return i;
                }
            }
            return -1;
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
