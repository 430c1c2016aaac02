package org.telereg.platform.filing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A tiny authoritative DNS server on a loopback UDP port, answering from an in-memory zone: the
 * records of a name, an empty NOERROR answer for a name that exists without records of the type asked,
 * NXDOMAIN for anything else. Real packets through a real socket, so dnsjava's resolver is exercised
 * as it is in production.
 */
final class DnsTestServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Thread thread;

    DnsTestServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "dns-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** The server as {@code telereg.filing.dns.servers} names it. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    DnsSettings settings() {
        return new DnsSettings(List.of(address()), java.time.Duration.ofSeconds(2), 4);
    }

    /** Adds addresses (IPv4 or IPv6) to a name. */
    DnsTestServer host(String name, String... addresses) throws IOException {
        Name owner = Name.fromString(name, Name.root);
        List<Record> records = zone.computeIfAbsent(owner, n -> new ArrayList<>());
        for (String address : addresses) {
            InetAddress ip = InetAddress.getByName(address);
            records.add(
                    address.contains(":")
                            ? new AAAARecord(owner, DClass.IN, 300, ip)
                            : new ARecord(owner, DClass.IN, 300, ip));
        }
        return this;
    }

    /** Takes a name out of the zone: it does not exist any more. */
    DnsTestServer forget(String name) throws TextParseException {
        zone.remove(Name.fromString(name, Name.root));
        return this;
    }

    /** A name that exists but has no address records. */
    DnsTestServer emptyName(String name) throws TextParseException {
        zone.computeIfAbsent(Name.fromString(name, Name.root), n -> new ArrayList<>());
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        List<Record> records = zone.get(question.getName());
        if (records == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        for (Record record : records) {
            if (record.getType() == question.getType()) {
                response.addRecord(record, Section.ANSWER);
            }
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
    }
}
