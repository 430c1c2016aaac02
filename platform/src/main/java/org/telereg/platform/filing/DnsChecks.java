package org.telereg.platform.filing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telereg.engine.filing.IpAddresses;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves filed domains through the configured DNS servers with dnsjava: an A and an AAAA query per
 * name, at most {@link DnsSettings#concurrency()} in flight. Queries go straight to the servers (no
 * search path, no cache), so each check sees what the resolver answers now.
 */
@org.springframework.stereotype.Component
public final class DnsChecks {

    private static final Logger log = LoggerFactory.getLogger(DnsChecks.class);

    private final DnsSettings settings;

    public DnsChecks(DnsSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Resolves each name; a name that is not a valid domain answers {@link DnsAnswer.Outcome#FAILED}.
     *
     * @throws IllegalStateException when the checks are off
     */
    public Map<String, DnsAnswer> resolve(Collection<String> names) {
        if (!enabled()) {
            throw new IllegalStateException("no DNS server is configured (telereg.filing.dns.servers)");
        }
        Resolver resolver = resolver();
        Semaphore inFlight = new Semaphore(settings.concurrency());
        Map<String, CompletableFuture<Message>[]> pending = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(names)) {
            @SuppressWarnings("unchecked")
            CompletableFuture<Message>[] answers = new CompletableFuture[2];
            answers[0] = query(resolver, inFlight, name, Type.A);
            answers[1] = query(resolver, inFlight, name, Type.AAAA);
            pending.put(name, answers);
        }
        Map<String, DnsAnswer> answers = new LinkedHashMap<>();
        pending.forEach((name, futures) -> answers.put(name, combine(futures[0].join(), futures[1].join())));
        return answers;
    }

    private CompletableFuture<Message> query(Resolver resolver, Semaphore inFlight, String name, int type) {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(null);
        }
        inFlight.acquireUninterruptibly();
        CompletableFuture<Message> answer = new CompletableFuture<>();
        try {
            resolver.sendAsync(query).whenComplete((message, failure) -> {
                inFlight.release();
                if (failure != null) {
                    log.debug("DNS {} {} failed: {}", name, Type.string(type), failure.toString());
                }
                answer.complete(failure == null ? message : null);
            });
        } catch (RuntimeException e) {
            inFlight.release();
            answer.complete(null);
        }
        return answer;
    }

    private static DnsAnswer combine(Message a, Message aaaa) {
        if (a == null && aaaa == null) {
            return new DnsAnswer(DnsAnswer.Outcome.FAILED, List.of());
        }
        Set<String> addresses = new LinkedHashSet<>();
        boolean nxdomain = false;
        boolean failed = false;
        for (Message message : new Message[] {a, aaaa}) {
            if (message == null) {
                failed = true;
                continue;
            }
            int rcode = message.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                nxdomain = true;
            } else if (rcode != Rcode.NOERROR) {
                failed = true;
            }
            for (Record record : message.getSection(Section.ANSWER)) {
                if (record instanceof ARecord address) {
                    addresses.add(IpAddresses.normalise(address.getAddress().getHostAddress()));
                } else if (record instanceof AAAARecord address) {
                    addresses.add(IpAddresses.normalise(address.getAddress().getHostAddress()));
                }
            }
        }
        if (!addresses.isEmpty()) {
            return new DnsAnswer(DnsAnswer.Outcome.RESOLVED, new ArrayList<>(addresses));
        }
        if (nxdomain) {
            return new DnsAnswer(DnsAnswer.Outcome.NXDOMAIN, List.of());
        }
        return new DnsAnswer(failed ? DnsAnswer.Outcome.FAILED : DnsAnswer.Outcome.NO_ADDRESS, List.of());
    }

    private Resolver resolver() {
        List<Resolver> resolvers = new ArrayList<>();
        for (String server : settings.servers()) {
            SimpleResolver simple = new SimpleResolver(address(server));
            simple.setTimeout(settings.timeout());
            resolvers.add(simple);
        }
        if (resolvers.size() == 1) {
            return resolvers.get(0);
        }
        ExtendedResolver extended = new ExtendedResolver(resolvers);
        extended.setTimeout(settings.timeout());
        return extended;
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 address. */
    static InetSocketAddress address(String server) {
        String host = server;
        int port = 53;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            host = server.substring(1, close);
            if (server.length() > close + 1) {
                port = Integer.parseInt(server.substring(close + 2));
            }
        } else if (server.indexOf(':') == server.lastIndexOf(':') && server.indexOf(':') > 0) {
            host = server.substring(0, server.indexOf(':'));
            port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }
}
