package io.holdfast.query.replay;

/**
 * Where a projection stands: {@code REPLAYING} while it rebuilds from the event store, {@code LIVE}
 * once it follows new events; {@code position} is the lowest global index its segments have
 * reached, {@code head} the newest in the store.
 */
public record ReplayStatus(String processor, String state, long position, long head) {}
