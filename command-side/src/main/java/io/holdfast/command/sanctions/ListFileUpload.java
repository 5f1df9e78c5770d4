package io.holdfast.command.sanctions;

import io.holdfast.command.sanctions.ofac.ListFileRejected;
import io.holdfast.command.sanctions.ofac.OfacXml;
import io.holdfast.command.sanctions.ofac.ParsedList;
import io.holdfast.command.sanctions.ofac.SdnCsvReader;
import io.holdfast.kernel.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads an uploaded list file in whichever of OFAC's formats it is in, and the SHA-256 of the bytes
 * as uploaded (over sdn.csv, then alt.csv, add.csv and sdn_comments.csv for the CSV set). The format is told by
 * the first character: {@code <} for XML (whose root element tells the classic sdn.xml from the
 * advanced SDN_ADVANCED.XML or CONS_ADVANCED.XML), a digit or a quote for sdn.csv.
 */
final class ListFileUpload {

    record Read(ParsedList list, Sha256 digest) {}

    /** OFAC's CSV files end with DOS's end-of-file character; a file of nothing else is a CSV without records. */
    private static final int END_OF_FILE_MARK = 0x1A;

    private ListFileUpload() {}

    static Read read(
            InputStream main,
            InputStream alt,
            InputStream add,
            InputStream comments,
            String fileName,
            SdnCsvReader.CutRemarks cutRemarks)
            throws IOException {
        MessageDigest digest = sha256();
        BufferedInputStream file = new BufferedInputStream(new DigestInputStream(main, digest));
        int first = firstMeaningfulByte(file);
        ParsedList list;
        if (first == '<') {
            if (alt != null || add != null || comments != null) {
                throw new ListFileRejected(
                        fileName, "is an XML list; alt.csv, add.csv and sdn_comments.csv belong with sdn.csv only");
            }
            list = OfacXml.read(unclosable(file), fileName);
        } else if (first == '"' || Character.isDigit(first) || first == END_OF_FILE_MARK) {
            list = SdnCsvReader.read(
                    unclosable(file),
                    alt == null ? null : new DigestInputStream(alt, digest),
                    add == null ? null : new DigestInputStream(add, digest),
                    comments == null ? null : new DigestInputStream(comments, digest),
                    cutRemarks);
        } else if (first == -1) {
            throw new ListFileRejected(fileName, "is empty");
        } else {
            throw new ListFileRejected(
                    fileName,
                    "is neither one of OFAC's XML lists (which begin with '<') nor its sdn.csv "
                            + "(whose lines begin with an entry number)");
        }
        drain(file);
        return new Read(list, Sha256.of(HexFormat.of().formatHex(digest.digest())));
    }

    /** Skips a byte-order mark and white space, leaving the stream at the first meaningful byte. */
    private static int firstMeaningfulByte(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(4);
            int b = in.read();
            if (b == 0xEF) {
                if (in.read() == 0xBB && in.read() == 0xBF) {
                    continue;
                }
                in.reset();
                return b;
            }
            if (b == -1 || !Character.isWhitespace(b)) {
                in.reset();
                return b;
            }
        }
    }

    /** Reads what the reader left (such as trailing white space), so the digest covers the whole file. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) != -1) {
            // counted by the digest
        }
    }

    /** The readers close what they read; the rest of the file must still be read for the digest. */
    private static InputStream unclosable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // left open for drain()
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
