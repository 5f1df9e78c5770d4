package io.holdfast.command.sanctions.ofac;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where OFAC's real published files are for the tests that read them: the folder named by
 * {@code -Dholdfast.ofac-data}, else {@code ../shared/ofac-data} beside the clone (looked for from a
 * module's folder too). They are never copied into the repository.
 */
public final class OfacData {

    public static final String WHERE_TO_PUT_THEM = "OFAC's real files were not found, so the tests that read them"
            + " were skipped: put them in ../shared/ofac-data beside the clone, or name their folder with"
            + " -Dholdfast.ofac-data=/path/to/ofac-data";

    private OfacData() {}

    /** The folder, or null when it is not there. */
    public static Path folder() {
        String named = System.getProperty("holdfast.ofac-data");
        Stream<Path> candidates = named != null
                ? Stream.of(Path.of(named))
                : Stream.of(Path.of("../shared/ofac-data"), Path.of("../../shared/ofac-data"));
        Path found = candidates
                .filter(Files::isDirectory)
                .findFirst()
                .map(Path::toAbsolutePath)
                .orElse(null);
        if (found == null) {
            System.out.println(WHERE_TO_PUT_THEM);
        }
        return found;
    }
}
