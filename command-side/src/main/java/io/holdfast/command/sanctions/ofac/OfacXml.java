package io.holdfast.command.sanctions.ofac;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens an OFAC XML document as a stream and tells its form by the root element: {@code <sdnList>}
 * for the classic sdn.xml, {@code <Sanctions>} for the advanced form (SDN_ADVANCED.XML,
 * CONS_ADVANCED.XML). DTDs and external entities are refused: neither form declares one, and an
 * entity could make the reader fetch files or expand without bound.
 */
public final class OfacXml {

    /** Which of OFAC's XML forms a document may be. */
    public enum Form {
        CLASSIC,
        ADVANCED,
        EITHER
    }

    private OfacXml() {}

    /** Reads a document in either form. */
    public static ParsedList read(InputStream in, String fileName) {
        return read(in, fileName, Form.EITHER);
    }

    static ParsedList read(InputStream in, String fileName, Form expected) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            String root = rootElement(xml, fileName);
            if ("sdnList".equals(root) && expected != Form.ADVANCED) {
                return SdnXmlReader.read(xml, fileName);
            }
            if ("Sanctions".equals(root) && expected != Form.CLASSIC) {
                return SdnAdvancedXmlReader.read(xml, fileName);
            }
            throw new ListFileRejected(
                    where(fileName, xml),
                    "is not an OFAC list: its root element is <" + root + ">, where "
                            + switch (expected) {
                                case CLASSIC -> "the classic SDN list has <sdnList>";
                                case ADVANCED -> "OFAC's advanced form has <Sanctions>";
                                case EITHER ->
                                    "OFAC's classic SDN list has <sdnList> and its advanced form <Sanctions>";
                            });
        } catch (XMLStreamException malformed) {
            int line = malformed.getLocation() == null
                    ? -1
                    : malformed.getLocation().getLineNumber();
            throw new ListFileRejected(
                    fileName + (line > 0 ? " line " + line : ""),
                    "is not well-formed XML (" + firstSentence(malformed.getMessage())
                            + "); the file may be truncated");
        }
    }

    private static String rootElement(XMLStreamReader xml, String fileName) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ListFileRejected(
                        where(fileName, xml), "the document declares a DTD, which an OFAC list never does");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return xml.getLocalName();
            }
        }
        throw new ListFileRejected(fileName, "the document has no root element");
    }

    static String where(String fileName, XMLStreamReader xml) {
        int line = xml == null || xml.getLocation() == null
                ? -1
                : xml.getLocation().getLineNumber();
        return fileName + (line > 0 ? " line " + line : "");
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.replaceAll("\\s+", " ").strip();
        int at = text.indexOf("Message: ");
        return at >= 0 ? text.substring(at + 9) : text;
    }
}
