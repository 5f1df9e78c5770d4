package io.holdfast.kernel.caseview;

import java.util.List;

/** A page of obligations. */
public record ObligationPage(List<Obligation> items, int page, int size, long total) {}
