package io.holdfast.command.screening;

import io.holdfast.command.sanctions.ofac.CsvTrouble;
import io.holdfast.command.screening.KnownAddress.AddressKind;
import io.holdfast.command.screening.KnownAddresses.Registration;
import io.holdfast.kernel.AccountId;
import io.holdfast.kernel.InvalidValueException;
import io.holdfast.kernel.Require;
import io.holdfast.kernel.sanctions.WalletAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bulk registration: CSV with the header {@code account_id,holder_name,currency,address}
 * and optionally {@code kind} (DEPOSIT or WITHDRAWAL), handing over a few thousand rows at a time.
 * A bad line is refused naming its line number and column.
 */
final class AddressCsv {

    private static final List<String> REQUIRED = List.of("account_id", "holder_name", "currency", "address");
    private static final String FILE = "addresses.csv";

    private AddressCsv() {}

    static void read(InputStream in, int chunkSize, Consumer<List<Registration>> chunks) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        long line = 2;
        try (CSVParser parser = CSVParser.builder()
                .setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(format)
                .get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    throw new InvalidValueException(
                            FILE + " line 1",
                            "has no column " + column
                                    + "; the header must be account_id,holder_name,currency,address[,kind]");
                }
            }
            boolean hasKind = header.contains("kind");
            // kind is optional: as the last column it may be left off a row altogether, not only left empty
            boolean kindLast = hasKind && header.indexOf("kind") == header.size() - 1;
            Map<String, Map<String, KnownAddress>> byAccount = new LinkedHashMap<>();
            Map<String, String> holders = new LinkedHashMap<>();
            int rows = 0;
            for (CSVRecord record : parser) {
                String where = FILE + " line " + line;
                line = parser.getCurrentLineNumber() + 1;
                boolean withoutKind = kindLast && record.size() == header.size() - 1;
                if (!record.isConsistent() && !withoutKind) {
                    throw new InvalidValueException(
                            where, "has " + record.size() + " columns; the header has " + header.size());
                }
                String account = column(
                        where,
                        "account_id",
                        () -> AccountId.of(record.get("account_id")).value());
                String holder =
                        column(where, "holder_name", () -> Require.text("holder_name", record.get("holder_name"), 300));
                WalletAddress address = column(
                        where, "address", () -> new WalletAddress(record.get("currency"), record.get("address")));
                AddressKind kind = hasKind && !withoutKind
                        ? column(where, "kind", () -> AccountAddressesController.kindOf(record.get("kind")))
                        : null;
                // the same address twice for one account is registered once, as its last line says
                byAccount
                        .computeIfAbsent(account, a -> new LinkedHashMap<>())
                        .put(address.key(), new KnownAddress(address, kind));
                holders.put(account, holder);
                if (++rows == chunkSize) {
                    chunks.accept(drain(byAccount, holders));
                    rows = 0;
                }
            }
            if (rows > 0) {
                chunks.accept(drain(byAccount, holders));
            }
        } catch (InvalidValueException refused) {
            throw refused;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException unreadable) {
            // commons-csv refuses a header with an empty or repeated name, or a malformed quote, this way
            throw new InvalidValueException(
                    FILE + " line " + line, "is not valid CSV (" + CsvTrouble.describe(unreadable) + ")");
        } catch (IOException unreadable) {
            throw new InvalidValueException(FILE, "could not be read (" + unreadable.getMessage() + ")");
        }
    }

    private static List<Registration> drain(
            Map<String, Map<String, KnownAddress>> byAccount, Map<String, String> holders) {
        List<Registration> chunk = new ArrayList<>(byAccount.size());
        byAccount.forEach((account, addresses) -> chunk.add(
                new Registration(AccountId.of(account), holders.get(account), new ArrayList<>(addresses.values()))));
        byAccount.clear();
        holders.clear();
        return chunk;
    }

    private static <T> T column(String where, String column, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            throw new InvalidValueException(where + ", column " + column, invalid.rule());
        } catch (IllegalArgumentException missing) {
            throw new InvalidValueException(where + ", column " + column, "is missing");
        }
    }
}
