package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Require;
import io.holdfast.kernel.Sha256;
import java.time.LocalDate;
import java.util.List;

/**
 * The file a list version was read from: the list's publication date, the SHA-256 of the bytes as
 * uploaded (every part of them), its format ({@code SDN_XML}, {@code SDN_ADVANCED_XML} or {@code SDN_CSV}), the name the
 * file was uploaded under and the names of all the parts it was read from (sdn.csv, alt.csv,
 * add.csv, sdn_comments.csv for the CSV set; the one file otherwise).
 */
public record ListPublication(
        LocalDate publicationDate, Sha256 digest, String format, String fileName, List<String> parts) {

    public ListPublication {
        Require.present("publicationDate", publicationDate);
        Require.present("digest", digest);
        Require.text("format", format, 20);
        fileName = Require.optionalText("fileName", fileName, 255);
        parts = Require.list("parts", parts == null ? List.of() : parts, 10);
    }

    /** A publication read from one file. */
    public ListPublication(LocalDate publicationDate, Sha256 digest, String format, String fileName) {
        this(publicationDate, digest, format, fileName, fileName == null ? List.of() : List.of(fileName));
    }
}
