package io.microplatform.support.loadbalancing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Three real HTTP servers on loopback that count the requests each receives and remember the keys they saw. */
final class CountingServers implements AutoCloseable {

    private final List<Server> servers = new ArrayList<>();

    CountingServers(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            servers.add(new Server("instance-" + (i + 1)));
        }
    }

    Server get(int index) {
        return servers.get(index);
    }

    List<Server> all() {
        return servers;
    }

    void reset() {
        servers.forEach(Server::reset);
    }

    @Override
    public void close() {
        servers.forEach(server -> server.http.stop(0));
    }

    static final class Server {

        final String name;
        private final HttpServer http;
        private final AtomicInteger hits = new AtomicInteger();
        private final Set<String> keys = ConcurrentHashMap.newKeySet();

        private Server(String name) throws IOException {
            this.name = name;
            this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            this.http.createContext("/", this::answer);
            this.http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        String uri() {
            return "http://127.0.0.1:" + port();
        }

        int hits() {
            return hits.get();
        }

        Set<String> keys() {
            return keys;
        }

        void reset() {
            hits.set(0);
            keys.clear();
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            hits.incrementAndGet();
            String header = exchange.getRequestHeaders().getFirst("X-Routing-Key");
            String path = exchange.getRequestURI().getPath();
            keys.add(header != null ? header : path.substring(path.lastIndexOf('/') + 1));
            // headers only, in one write: a body in a second small write waits ~40 ms on Nagle and delayed ACKs
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }

        @Override
        public String toString() {
            return name + Map.of("hits", hits.get());
        }
    }
}
