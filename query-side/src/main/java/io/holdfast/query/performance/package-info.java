/**
 * The read side's speed machinery, apart from what the read models mean: projections' writes
 * gathered per batch and committed with their position, a batch's statements ordered so a row is
 * inserted before it is changed, and the token store that tells the in-memory views when this
 * node's segment claims change. Each is measured in BENCHMARKS.md and tested on its own.
 */
package io.holdfast.query.performance;
