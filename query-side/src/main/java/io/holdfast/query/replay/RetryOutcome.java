package io.holdfast.query.replay;

/** What a retry of parked events did: how many sequences went through, how many events stay parked. */
public record RetryOutcome(String processor, int sequencesRetried, long stillParked) {}
