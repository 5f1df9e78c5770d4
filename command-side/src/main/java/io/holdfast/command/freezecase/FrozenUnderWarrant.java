package io.holdfast.command.freezecase;

import io.holdfast.kernel.Holdings;
import io.holdfast.kernel.WarrantId;

/** What is frozen on a case under one warrant. */
record FrozenUnderWarrant(WarrantId warrantId, Holdings holdings) {}
