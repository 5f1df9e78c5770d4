package io.holdfast.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Files sent to Holdfast as an administrator: a body as it is, or parts of a multipart form. */
final class Uploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Uploads() {}

    static JsonNode post(HoldfastProcess holdfast, Tokens tokens, String path, String contentType, Path body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(holdfast.baseUrl + path))
                        .header("Authorization", "Bearer " + tokens.admin)
                        .header("Content-Type", contentType)
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofFile(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code parts}: pairs of part name and file, written as one multipart body into {@code work}. */
    static JsonNode postParts(HoldfastProcess holdfast, Tokens tokens, String path, List<String[]> parts, Path work)
            throws IOException, InterruptedException {
        String boundary = "holdfast-" + UUID.randomUUID();
        Path body = work.resolve("multipart-" + boundary + ".bin");
        try (var out = Files.newOutputStream(body)) {
            for (String[] part : parts) {
                Path file = Path.of(part[1]);
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\""
                                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                Files.copy(file, out);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        try {
            return post(holdfast, tokens, path, "multipart/form-data; boundary=" + boundary, body);
        } finally {
            Files.deleteIfExists(body);
        }
    }
}
