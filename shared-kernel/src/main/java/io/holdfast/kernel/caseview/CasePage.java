package io.holdfast.kernel.caseview;

import java.util.List;

/** A page of the case list. */
public record CasePage(List<CaseSummary> items, int page, int size, long total) {}
