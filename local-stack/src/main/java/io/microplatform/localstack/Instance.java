package io.microplatform.localstack;

/** One process of the stack: its service, its instance name and its (main) port. */
record Instance(String service, int index, int port) {

    String name() {
        return Topology.instanceName(service, index);
    }

    Topology.Kind kind() {
        return Topology.kind(service);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
