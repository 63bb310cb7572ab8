package io.microplatform.localstack.config;

/** One process of the stack: its service, its instance name and its (main) port. */
public record Instance(String service, int index, int port) {

    public String name() {
        return Topology.instanceName(service, index);
    }

    public Topology.Kind kind() {
        return Topology.kind(service);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }
}
