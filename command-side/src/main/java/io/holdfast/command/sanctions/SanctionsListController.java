package io.holdfast.command.sanctions;

import io.holdfast.command.sanctions.ofac.SdnCsvReader;
import io.holdfast.kernel.Actor;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.sanctions.ListPublication;
import io.holdfast.kernel.sanctions.SanctionsListId;
import io.holdfast.kernel.sanctions.SanctionsListVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports a sanctions list file: OFAC's sdn.xml, its advanced SDN_ADVANCED.XML or CONS_ADVANCED.XML,
 * or its sdn.csv (with alt.csv, add.csv and sdn_comments.csv), as the request body or as multipart
 * parts {@code file}, {@code alt}, {@code add}, {@code comments}. The list it is imported as is
 * {@code list}, else the one the file is ({@code OFAC-SDN} or {@code OFAC-CONSOLIDATED}). The file is
 * read as a stream; a file that cannot be read is refused naming the line or element, and the list's
 * current version stays as it was. Holdfast never downloads a list itself.
 */
@RestController
@RequestMapping(path = "/api/sanctions/lists", produces = MediaType.APPLICATION_JSON_VALUE)
class SanctionsListController {

    private final CommandGateway commands;
    private final ListImportMessages importMessages;
    private final MeterRegistry meters;

    SanctionsListController(CommandGateway commands, ListImportMessages importMessages, MeterRegistry meters) {
        this.commands = commands;
        this.importMessages = importMessages;
        this.meters = meters;
    }

    /**
     * {@code incompleteEntries}: the entries whose remarks sdn.csv cuts, read without their
     * continuation. {@code held}: the file would remove more of the current version than one person
     * may, and waits for a second person's confirmation; {@code version} is then the current one.
     */
    record ImportAnswer(
            String list,
            long version,
            boolean recorded,
            String format,
            LocalDate publicationDate,
            String sha256,
            int entries,
            long addresses,
            List<String> incompleteEntries,
            boolean held) {}

    @ApiResponse(
            responseCode = "201",
            description = "a new version of the list was recorded",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "the file is the list's current version: nothing recorded",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "202",
            description = "the file would remove more of the current version than one person may: it is held until a"
                    + " supervisor or an administrator other than the importer confirms it",
            useReturnTypeSchema = true)
    @PostMapping(
            consumes = {
                MediaType.APPLICATION_XML_VALUE,
                MediaType.TEXT_XML_VALUE,
                "text/csv",
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    ResponseEntity<ImportAnswer> importBody(
            HttpServletRequest request,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String publicationDate,
            @RequestParam(required = false) String fileName,
            @RequestParam(required = false) String incompleteRemarks,
            Actor actor)
            throws IOException {
        String name = fileName == null ? defaultName(request.getContentType()) : fileName;
        SdnCsvReader.CutRemarks cutRemarks = cutRemarks(incompleteRemarks);
        return measured(() -> {
            try (InputStream body = request.getInputStream()) {
                return importFile(
                        ListFileUpload.read(body, null, null, null, name, cutRemarks),
                        list,
                        publicationDate,
                        name,
                        List.of(name),
                        actor);
            }
        });
    }

    @ApiResponse(
            responseCode = "201",
            description = "a new version of the list was recorded",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "the file is the list's current version: nothing recorded",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "202",
            description = "the file would remove more of the current version than one person may: it is held until a"
                    + " supervisor or an administrator other than the importer confirms it",
            useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportAnswer> importParts(
            @RequestPart("file") MultipartFile file,
            @RequestPart(name = "alt", required = false) MultipartFile alt,
            @RequestPart(name = "add", required = false) MultipartFile add,
            @RequestPart(name = "comments", required = false) MultipartFile comments,
            @RequestParam(required = false) String list,
            @RequestParam(required = false) String publicationDate,
            @RequestParam(required = false) String incompleteRemarks,
            Actor actor)
            throws IOException {
        String name = nameOf(file, "file");
        SdnCsvReader.CutRemarks cutRemarks = cutRemarks(incompleteRemarks);
        // the version records every part it was read from, as the digest covers them all
        List<String> parts = Stream.of(
                        name,
                        alt == null ? null : nameOf(alt, "alt"),
                        add == null ? null : nameOf(add, "add"),
                        comments == null ? null : nameOf(comments, "comments"))
                .filter(Objects::nonNull)
                .toList();
        return measured(() -> {
            try (InputStream main = file.getInputStream();
                    InputStream aliases = alt == null ? null : alt.getInputStream();
                    InputStream addresses = add == null ? null : add.getInputStream();
                    InputStream continued = comments == null ? null : comments.getInputStream()) {
                return importFile(
                        ListFileUpload.read(main, aliases, addresses, continued, name, cutRemarks),
                        list,
                        publicationDate,
                        name,
                        parts,
                        actor);
            }
        });
    }

    private interface Import {
        ResponseEntity<ImportAnswer> run() throws IOException;
    }

    /** Every upload is timed by its outcome: a version recorded, the same file again, or refused. */
    private ResponseEntity<ImportAnswer> measured(Import upload) throws IOException {
        long started = System.nanoTime();
        String outcome = "refused";
        String format = "unread";
        try {
            ResponseEntity<ImportAnswer> answer = upload.run();
            outcome = answer.getBody().recorded() ? "recorded" : "unchanged";
            format = answer.getBody().format();
            return answer;
        } finally {
            Timer.builder("holdfast.sanctions.list.imports")
                    .description("sanctions list uploads by format and outcome")
                    .tag("format", format)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private static String nameOf(MultipartFile part, String partName) {
        return part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
                ? partName
                : part.getOriginalFilename();
    }

    private ResponseEntity<ImportAnswer> importFile(
            ListFileUpload.Read read,
            String list,
            String publicationDate,
            String fileName,
            List<String> parts,
            Actor actor) {
        SanctionsListId listId = OfacListNames.listFor(list, read.list(), fileName);
        LocalDate published = publicationDateOf(read, publicationDate);
        ListPublication publication = new ListPublication(
                published,
                read.digest(),
                read.list().format(),
                shortened(fileName),
                parts.stream().map(SanctionsListController::shortened).toList());
        SanctionsListVersion version = importMessages.importList(
                commands,
                listId,
                publication,
                read.list().entries(),
                read.list().incompleteEntries(),
                actor);
        long addresses = read.list().entries().stream()
                .mapToLong(entry -> entry.addresses().size())
                .sum();
        List<String> incomplete = read.list().incompleteEntries();
        ImportAnswer answer = new ImportAnswer(
                version.listId(),
                version.version(),
                version.recorded(),
                read.list().format(),
                published,
                read.digest().hex(),
                read.list().entries().size(),
                addresses,
                incomplete,
                version.held());
        ResponseEntity.BodyBuilder response = version.held()
                ? ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/sanctions/lists/" + version.listId() + "/held"))
                : ResponseEntity.status(version.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create(
                                "/api/sanctions/lists/" + version.listId() + "/versions/" + version.version()));
        if (!incomplete.isEmpty()) {
            response.header(
                    "Warning",
                    "299 holdfast \"sdn.csv cuts the remarks of " + incomplete.size()
                            + " entries naming digital currency addresses and sdn_comments.csv was not sent: the addresses past"
                            + " the cut are not designated\"");
        }
        return response.body(answer);
    }

    /** Only an explicit {@code incompleteRemarks=accept} reads sdn.csv's cut remarks without their continuation. */
    private static SdnCsvReader.CutRemarks cutRemarks(String given) {
        if (given == null) {
            return SdnCsvReader.CutRemarks.REFUSE;
        }
        if (given.strip().equals("accept")) {
            return SdnCsvReader.CutRemarks.ACCEPT;
        }
        throw new InvalidValueException(
                "incompleteRemarks",
                "must be 'accept' when given, to read sdn.csv's cut remarks" + " without sdn_comments.csv");
    }

    private static String shortened(String name) {
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** The XML list carries its date; the CSV files do not, so the uploader gives it. */
    private static LocalDate publicationDateOf(ListFileUpload.Read read, String given) {
        LocalDate parsed = given == null ? null : date(given);
        LocalDate inFile = read.list().publicationDate();
        if (inFile != null && parsed != null && !inFile.equals(parsed)) {
            throw new InvalidValueException(
                    "publicationDate", "is " + parsed + " but the file says it was published on " + inFile);
        }
        if (inFile == null && parsed == null) {
            throw new InvalidValueException(
                    "publicationDate",
                    "is required for the CSV files, which do not carry their publication date (YYYY-MM-DD)");
        }
        return inFile != null ? inFile : parsed;
    }

    private static LocalDate date(String given) {
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException notADate) {
            throw new InvalidValueException("publicationDate", "must be a date written YYYY-MM-DD");
        }
    }

    private static String defaultName(String contentType) {
        return contentType != null && contentType.contains("csv") ? "sdn.csv" : "sdn.xml";
    }
}
