package io.holdfast.benchmarks;

/** The event stores Holdfast runs on. */
enum Store {
    H2,
    POSTGRES
}
