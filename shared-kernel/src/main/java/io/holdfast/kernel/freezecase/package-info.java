/**
 * The messages of a freeze case's lifecycle: commands (imperative), events (past tense) and the
 * rejection the case gives when a command breaks one of its policies.
 */
package io.holdfast.kernel.freezecase;
