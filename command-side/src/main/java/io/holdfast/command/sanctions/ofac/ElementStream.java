package io.holdfast.command.sanctions.ofac;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What both of OFAC's XML readers share: walking a document element by element from its root,
 * knowing each element's parents, and reading a text-only element whole.
 */
abstract class ElementStream {

    protected final String fileName;
    protected final Deque<String> path = new ArrayDeque<>();
    protected XMLStreamReader xml;

    ElementStream(String fileName) {
        this.fileName = fileName;
    }

    /** Hands every element, the root first, to {@link #start} and {@link #end}. */
    protected final void walk(XMLStreamReader positionedAtRoot) throws XMLStreamException {
        xml = positionedAtRoot;
        start(xml.getLocalName());
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                start(xml.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                end(xml.getLocalName());
            }
        }
    }

    /** An element begins; the implementation pushes it on {@link #path}. */
    protected abstract void start(String name) throws XMLStreamException;

    /** An element ends; the implementation pops it from {@link #path}. */
    protected abstract void end(String name);

    /** The element's text; a text-only element is read whole, so the reader moves past its end tag. */
    protected final String text() throws XMLStreamException {
        String text = xml.getElementText();
        path.pop();
        return text == null ? "" : text.strip();
    }
}
