package io.holdfast.kernel.sanctions;

import io.holdfast.kernel.Require;
import io.holdfast.kernel.Sha256;

import java.time.LocalDate;

/**
 * The file a list version was read from: the list's publication date, the SHA-256 of the file's
 * bytes as uploaded, its format ({@code SDN_XML} or {@code SDN_CSV}) and the name it was uploaded under.
 */
public record ListPublication(LocalDate publicationDate, Sha256 digest, String format, String fileName) {

    public ListPublication {
        Require.present("publicationDate", publicationDate);
        Require.present("digest", digest);
        Require.text("format", format, 20);
        fileName = Require.optionalText("fileName", fileName, 255);
    }
}
