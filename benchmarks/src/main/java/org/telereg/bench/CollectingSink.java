package org.telereg.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for a MiniCluster in this JVM: what every parallel writer received, in one list per sink, and when the
 * last writer saw the end of its input. The jobs of {@link StreamingComparison} write only verdicts to it
 * (thousands, not records), so keeping them costs little.
 */
final class CollectingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, long[]> ENDS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    CollectingSink() {
        RECEIVED.put(id, new ArrayList<>());
        ENDS.put(id, new long[2]);
    }

    /**
     * When the last writer saw the end of its input: {@link System#nanoTime()} and the process's CPU time in
     * nanoseconds then, or zeros when none did. A bounded job with checkpoints on stays up after that until a
     * last checkpoint completes (so that transactional sinks can commit): idle time that this excludes.
     */
    long[] endOfInput() {
        long[] end = ENDS.remove(id);
        synchronized (end) {
            return end.clone();
        }
    }

    /** What the writers received; forgets it. */
    @SuppressWarnings("unchecked")
    List<T> take() {
        List<Object> list = RECEIVED.remove(id);
        synchronized (list) {
            return (List<T>) new ArrayList<>(list);
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> list = RECEIVED.get(id);
        long[] end = ENDS.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                synchronized (list) {
                    list.add(element);
                }
            }

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput) {
                    long cpu =
                            ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
                    synchronized (end) {
                        end[0] = Math.max(end[0], System.nanoTime());
                        end[1] = Math.max(end[1], cpu);
                    }
                }
            }

            @Override
            public void close() {}
        };
    }
}
