/**
 * The deployable's speed machinery: admission control, which lets in only as many commands, reads
 * and uploads at once as the node can work on and answers the rest 503 with {@code Retry-After}
 * instead of queueing them into time-outs; and the read of tracked events with gaps as two index
 * lookups, which H2 cannot make of Axon's own statement. Measured in BENCHMARKS.md and tested on
 * their own.
 */
package io.holdfast.app.performance;
