package io.microplatform.saga.lease;

/** A write carried a fencing token that is no longer the lease's: another instance took over since. */
public class StaleLeaseException extends RuntimeException {

    public StaleLeaseException(FencingToken stale, Long current) {
        super("Lease " + stale.lease() + " is at token " + current + "; a write carrying token " + stale.value()
                + " comes from a leader that has been replaced");
    }
}
