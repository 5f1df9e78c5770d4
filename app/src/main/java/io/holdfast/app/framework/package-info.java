/**
 * Replacements of framework behaviour, each with its reason at its head and a test that fails when
 * an upgrade of Axon or Spring changes what it relies on: queries without transactions, store
 * failures retried instead of parked as dead letters, and Spring Security 6.5's chain without its
 * handler lookup. An upgrade
 * of either framework starts here.
 */
package io.holdfast.app.framework;
