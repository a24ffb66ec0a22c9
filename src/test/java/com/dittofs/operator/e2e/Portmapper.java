package com.dittofs.operator.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal ONC RPC client of the portmapper (RFC 1057, program 100000 version 2): PMAPPROC_GETPORT over TCP or UDP,
 * what {@code rpcinfo} and a kernel NFSv3 mount ask before they connect.
 */
final class Portmapper {

    static final int NFS = 100003;
    static final int MOUNT = 100005;
    static final int TCP = 6;
    static final int UDP = 17;
    private static final int TIMEOUT_MILLIS = 5000;

    private Portmapper() {
    }

    /** The port the portmapper at {@code address} names for the program, or 0 when it has none. */
    static int getPort(InetSocketAddress address, boolean overUdp, int program, int version, int protocol)
            throws IOException {
        int xid = ThreadLocalRandom.current().nextInt();
        byte[] call = call(xid, program, version, protocol);
        ByteBuffer reply = overUdp ? udp(address, call) : tcp(address, call);
        return port(reply, xid);
    }

    private static byte[] call(int xid, int program, int version, int protocol) {
        ByteBuffer b = ByteBuffer.allocate(56);
        b.putInt(xid).putInt(0).putInt(2); // xid, CALL, RPC version 2
        b.putInt(100000).putInt(2).putInt(3); // portmapper v2, PMAPPROC_GETPORT
        b.putInt(0).putInt(0).putInt(0).putInt(0); // AUTH_NONE credential and verifier
        b.putInt(program).putInt(version).putInt(protocol).putInt(0);
        return b.array();
    }

    private static ByteBuffer tcp(InetSocketAddress address, byte[] call) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            // one record, one fragment: the record mark's top bit says "last fragment"
            socket.getOutputStream().write(ByteBuffer.allocate(4 + call.length).putInt(0x80000000 | call.length)
                    .put(call).array());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int mark = in.readInt();
            if (mark >= 0) {
                throw new IOException("reply in more than one fragment");
            }
            byte[] body = new byte[mark & 0x7fffffff];
            in.readFully(body);
            return ByteBuffer.wrap(body);
        }
    }

    private static ByteBuffer udp(InetSocketAddress address, byte[] call) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.send(new DatagramPacket(call, call.length, address));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            socket.receive(reply);
            return ByteBuffer.wrap(reply.getData(), 0, reply.getLength());
        }
    }

    private static int port(ByteBuffer reply, int xid) throws IOException {
        if (reply.getInt() != xid || reply.getInt() != 1 || reply.getInt() != 0) {
            throw new IOException("not an accepted reply to this call");
        }
        reply.getInt(); // verifier flavour
        int verifierLength = reply.getInt();
        reply.position(reply.position() + ((verifierLength + 3) & ~3)); // verifier body, padded
        int acceptStat = reply.getInt();
        if (acceptStat != 0) {
            throw new IOException("call not executed, accept_stat " + acceptStat);
        }
        return reply.getInt();
    }
}
