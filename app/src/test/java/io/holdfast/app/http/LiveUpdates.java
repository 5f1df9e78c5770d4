package io.holdfast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of a server-sent-event stream that hands over each event's data as JSON. It speaks
 * HTTP on a plain socket so that leaving the stream is immediate, as a portal closing its tab.
 */
final class LiveUpdates implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private volatile String statusLine;
    private final CountDownLatch ended = new CountDownLatch(1);

    private LiveUpdates(Socket socket) {
        this.socket = socket;
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveUpdates open(int port, String user, String path) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(15_000);
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                        + "Authorization: Basic " + credentials + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new LiveUpdates(socket);
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (statusLine == null) {
                    statusLine = line;
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                }
            }
        } catch (IOException closed) {
            // the test is done with the stream
        } finally {
            ended.countDown();
        }
    }

    /** The status line of the answer, waited for up to 10 seconds. */
    String status() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statusLine == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return statusLine;
    }

    /** Whether the server ended the stream within {@code seconds}. */
    boolean endedWithin(int seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    JsonNode next() throws Exception {
        String event = data.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no server-sent event within 10 seconds; status " + statusLine);
        }
        return JSON.readTree(event);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
