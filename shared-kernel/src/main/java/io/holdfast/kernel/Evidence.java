package io.holdfast.kernel;

/** A piece of evidence behind a flag: what it is, and the SHA-256 of the file kept elsewhere. */
public record Evidence(String description, Sha256 sha256) {

    public Evidence {
        Require.text("evidence.description", description, 1000);
        Require.present("evidence.sha256", sha256);
    }
}
