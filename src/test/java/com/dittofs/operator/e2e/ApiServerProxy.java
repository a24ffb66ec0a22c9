package com.dittofs.operator.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the apiserver, so a test can cut the operator's connections (its watches
 * among them) without touching the apiserver. Bytes pass through untouched: TLS ends at the apiserver, whose
 * certificate names 127.0.0.1, so clients pointed at the proxy verify it as usual.
 */
public final class ApiServerProxy implements AutoCloseable {

    private final int target;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    public ApiServerProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop).start();
    }

    public String url() {
        return "https://127.0.0.1:" + listener.getLocalPort();
    }

    /** Connections currently passing through (client and apiserver side count as one each). */
    public int connections() {
        return open.size() / 2;
    }

    /** Closes every connection passing through (both ends see it reset); new connections are accepted as before. */
    public void sever() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sever();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                connect(listener.accept());
            } catch (IOException e) {
                // the listener was closed
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
            open.add(client);
            open.add(server);
            daemon("proxy-up", () -> pump(client, server)).start();
            daemon("proxy-down", () -> pump(server, client)).start();
        } catch (IOException e) {
            closeQuietly(client); // the apiserver is away: so is the client's connection
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was severed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
