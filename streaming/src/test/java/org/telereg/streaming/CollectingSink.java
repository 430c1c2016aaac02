package org.telereg.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A sink for MiniCluster tests (one JVM): what every parallel writer received, in one list per sink. */
final class CollectingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    CollectingSink() {
        RECEIVED.put(id, new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    List<T> received() {
        List<Object> list = RECEIVED.get(id);
        synchronized (list) {
            return (List<T>) new ArrayList<>(list);
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> list = RECEIVED.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                synchronized (list) {
                    list.add(element);
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
