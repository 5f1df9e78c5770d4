package io.holdfast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The shell snippets of the README and docs/, read as written and run, so a claim cannot drift from the code. */
public final class DocumentSnippets {

    private DocumentSnippets() {}

    /** The first block fenced as {@code fence} (such as {@code ```sh}) after {@code lead} in {@code document}. */
    public static String after(String document, String lead, String fence) throws IOException {
        String text = Files.readString(Path.of("..", document));
        int at = text.indexOf(lead);
        assertThat(at).as(document + " has " + lead).isPositive();
        int start = text.indexOf(fence + "\n", at) + fence.length() + 1;
        return text.substring(start, text.indexOf("```", start));
    }

    /** Whether a program is on the PATH. */
    public static boolean installed(String program) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
    }

    /** Runs a script with bash in {@code folder}; what it printed, once it ended with exit 0. */
    public static String run(Path folder, String script) throws IOException, InterruptedException {
        Path file = folder.resolve("snippet.sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).as("the snippet ends").isTrue();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(printed).isZero();
        return printed;
    }
}
