package io.holdfast.kernel.sanctions;

import java.util.List;

/** Every sanctions list Holdfast was given. */
public record SanctionsListsView(List<SanctionsListView> lists) {}
