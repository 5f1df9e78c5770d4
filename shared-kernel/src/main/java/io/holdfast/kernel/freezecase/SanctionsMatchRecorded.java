package io.holdfast.kernel.freezecase;

import io.holdfast.kernel.Actor;
import io.holdfast.kernel.CaseId;
import io.holdfast.kernel.sanctions.SanctionsMatch;
import org.axonframework.serialization.Revision;

/**
 * The sanctions match a case was opened for, recorded right after {@link AccountFlagged} when
 * screening flags an account: the list version, entry, programs and matched address.
 * A separate event, so that {@link AccountFlagged} keeps the shape it has been stored in since the
 * first case.
 */
@Revision("1")
public record SanctionsMatchRecorded(CaseId caseId, SanctionsMatch match, Actor recordedBy) implements CaseEvent {}
