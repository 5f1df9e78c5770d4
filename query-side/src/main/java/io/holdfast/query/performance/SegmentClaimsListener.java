package io.holdfast.query.performance;

/**
 * Told when this node's hold on a projection's segments may have changed: a segment claimed,
 * released, or found claimed by another node. Whatever a node keeps of a projection's work in
 * memory is only its own while it holds the segments it did that work under.
 */
public interface SegmentClaimsListener {

    void claimsChanged(String projection);
}
