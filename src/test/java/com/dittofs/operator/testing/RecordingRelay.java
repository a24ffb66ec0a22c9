package com.dittofs.operator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a real dfs on loopback (on a simulated pod's IP and API port, or on loopback), recording
 * every byte each way: what a packet capture on the pod network would see. It does not look into the bytes; the
 * operator cannot tell it from dfs. Tests read dfs's side of a conversation from it instead of from counters in the
 * client.
 */
public final class RecordingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<byte[]> firstBytes = new CopyOnWriteArrayList<>();
    private final List<ByteArrayOutputStream> sentPerConnection = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private RecordingRelay(InetSocketAddress listen, InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen);
        threads.execute(this::accept);
    }

    public static RecordingRelay start(String ip, int port, int upstreamPort) {
        try {
            return new RecordingRelay(new InetSocketAddress(ip, port), new InetSocketAddress("127.0.0.1", upstreamPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + ip + ":" + port, e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket dfs = new Socket();
                dfs.connect(upstream, 5000);
                sockets.add(client);
                sockets.add(dfs);
                connections.incrementAndGet();
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                sentPerConnection.add(sent);
                threads.execute(() -> pump(client, dfs, sent, true));
                threads.execute(() -> pump(dfs, client, toClient, false));
            } catch (IOException e) {
                // closed, or dfs refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to, ByteArrayOutputStream record, boolean fromClient) {
        byte[] buffer = new byte[16384];
        boolean first = fromClient;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (record) {
                    record.write(buffer, 0, n);
                }
                if (fromClient) {
                    synchronized (toServer) {
                        toServer.write(buffer, 0, n);
                    }
                }
                if (first) {
                    firstBytes.add(java.util.Arrays.copyOf(buffer, Math.min(n, 3)));
                    first = false;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Everything the operator sent. */
    public byte[] fromOperator() {
        synchronized (toServer) {
            return toServer.toByteArray();
        }
    }

    /** Everything dfs answered. */
    public byte[] fromDfs() {
        synchronized (toClient) {
            return toClient.toByteArray();
        }
    }

    public int connections() {
        return connections.get();
    }

    /** The first bytes the operator sent on each connection. */
    public List<byte[]> openings() {
        return List.copyOf(firstBytes);
    }

    /** What the operator sent, one array per connection in the order they opened (requests never interleave). */
    public List<byte[]> sentPerConnection() {
        return sentPerConnection.stream().map(sent -> {
            synchronized (sent) {
                return sent.toByteArray();
            }
        }).toList();
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(RecordingRelay::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
