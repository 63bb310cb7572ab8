package io.microplatform.support.loadbalancing;

/**
 * The request header by which a caller's retry tells the consistent-hash load balancer which attempt at a key it is
 * (1, 2, ...): the first attempt goes to the key's owner, each further one to the next instance on the hash ring
 * (ConsistentHashLoadBalancer). Without it, a retry of a key owned by an instance that died goes to that same dead
 * instance again until the registry evicts it. The header reaches the remote too, which ignores it.
 */
public final class RoutingAttempt {

    public static final String HEADER = "X-Routing-Attempt";

    private RoutingAttempt() {
    }
}
