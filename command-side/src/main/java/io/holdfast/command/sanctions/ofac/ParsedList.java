package io.holdfast.command.sanctions.ofac;

import io.holdfast.kernel.sanctions.SanctionsEntry;

import java.time.LocalDate;
import java.util.List;

/** What a list file holds: its publication date when the file carries one, and its entries. */
public record ParsedList(String format, LocalDate publicationDate, List<SanctionsEntry> entries) {
}
