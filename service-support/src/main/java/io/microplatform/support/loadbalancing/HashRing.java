package io.microplatform.support.loadbalancing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.cloud.client.ServiceInstance;

/**
 * Consistent hashing with virtual nodes: every instance owns {@code virtualNodes} points on a 64-bit ring, and a key
 * belongs to the first point at or after its own hash. Removing an instance hands only its own keys to the others
 * (about 1/n of all keys); the virtual nodes keep each instance's share close to 1/n. Immutable: the load balancer
 * builds a new ring when the registry's instance list changes.
 */
final class HashRing {

    static final HashRing EMPTY = new HashRing(List.of(), new long[0], new ServiceInstance[0]);

    private final List<String> members;
    private final long[] points;
    private final ServiceInstance[] owners;

    private HashRing(List<String> members, long[] points, ServiceInstance[] owners) {
        this.members = members;
        this.points = points;
        this.owners = owners;
    }

    static HashRing of(List<ServiceInstance> instances, int virtualNodes) {
        // by identity, sorted: the ring depends only on which instances exist, never on the order discovery lists them
        // in (Eureka shuffles it), and an instance listed twice does not get twice the share
        Map<String, ServiceInstance> byIdentity = new TreeMap<>();
        instances.forEach(instance -> byIdentity.putIfAbsent(identity(instance), instance));
        List<Point> ring = new ArrayList<>(byIdentity.size() * virtualNodes);
        byIdentity.forEach((identity, instance) -> {
            for (int node = 0; node < virtualNodes; node++) {
                ring.add(new Point(hash(identity + "#" + node), instance));
            }
        });
        ring.sort(Comparator.comparingLong(Point::hash));
        return new HashRing(List.copyOf(byIdentity.keySet()), ring.stream().mapToLong(Point::hash).toArray(),
                ring.stream().map(Point::owner).toArray(ServiceInstance[]::new));
    }

    /** The ring for these instances: this one when they are the same instances, a new one otherwise. */
    HashRing rebuiltFor(List<ServiceInstance> instances, int virtualNodes) {
        List<String> identities = instances.stream().map(HashRing::identity).distinct().sorted().toList();
        return identities.equals(members) ? this : of(instances, virtualNodes);
    }

    ServiceInstance ownerOf(String key) {
        return ownerOf(key, 1);
    }

    /**
     * The instance for one attempt at a key: the first attempt goes to the key's owner, each further one to the next
     * distinct instance clockwise, which is the instance that would own the key if those before it left the ring.
     * So a retry after an instance died reaches the instance its keys move to once the registry evicts it, instead
     * of the dead one again; past the last instance the attempts wrap around to the owner.
     *
     * @param attempt 1 for the first attempt
     */
    ServiceInstance ownerOf(String key, int attempt) {
        if (points.length == 0) {
            throw new IllegalStateException("The ring has no instances");
        }
        int index = Arrays.binarySearch(points, hash(key));
        if (index < 0) {
            index = -index - 1;
        }
        int distinctWanted = Math.floorMod(attempt - 1, members.size()) + 1;
        // of() puts one ServiceInstance object per member on the ring, so the object tells the members apart
        Set<ServiceInstance> passed = Collections.newSetFromMap(new IdentityHashMap<>());
        // past the last point the ring wraps around to the first
        for (int step = 0;; step++) {
            ServiceInstance owner = owners[(index + step) % points.length];
            if (passed.add(owner) && passed.size() == distinctWanted) {
                return owner;
            }
        }
    }

    List<String> members() {
        return members;
    }

    /**
     * Eureka's instance id ({@code inventory-service:8083}) is stable across restarts of one instance, so its keys
     * come back to it; discovery without ids (simple discovery) falls back to the address.
     */
    static String identity(ServiceInstance instance) {
        String id = instance.getInstanceId();
        return id != null && !id.isBlank() ? id : instance.getHost() + ":" + instance.getPort();
    }

    /**
     * 64-bit FNV-1a followed by MurmurHash3's fmix64 finaliser. FNV alone is fast and simple but spreads
     * near-identical inputs ({@code id#1}, {@code id#2}, SKU-0001, SKU-0002) poorly across the high bits that
     * decide a ring position; the finaliser gives every input bit an avalanche effect. No Guava dependency for
     * twenty lines.
     */
    static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    private record Point(long hash, ServiceInstance owner) {
    }
}
