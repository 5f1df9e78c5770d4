package io.holdfast.kernel.caseview;

import java.util.List;

/** A page of the warrant registry. */
public record WarrantPage(List<RegisteredWarrant> items, int page, int size, long total) {}
