/**
 * The command side's speed machinery, apart from the rules: freeze cases kept in memory between
 * commands, each brought up to date with the events another node appended before it is used. Measured
 * in BENCHMARKS.md and tested on its own.
 */
package io.holdfast.command.performance;
