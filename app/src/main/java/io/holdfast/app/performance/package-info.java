/**
 * The deployable's speed machinery: admission control, which lets in only as many commands, reads
 * and uploads at once as the node can work on and answers the rest 503 with {@code Retry-After}
 * instead of queueing them into time-outs. Measured in BENCHMARKS.md and tested on its own.
 */
package io.holdfast.app.performance;
