package io.shieldfab.recipe.format;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.logging.Level;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Renders the traveler's XHTML to PDF with openhtmltopdf (PDFBox backend), so the HTML and the PDF traveler
 * come from one template. The XHTML must be well-formed; fonts are the PDF base-14 fonts (WinAnsi text).
 *
 * <p>The XHTML is parsed here, with one parser factory for every render, and handed to openhtmltopdf as a DOM:
 * given a string, openhtmltopdf looks its SAX parser and transformer factories up on the class path and copies
 * the parse into a DOM through an identity transform on every render, about a tenth of a render's CPU
 * (docs/benchmarks.md, "recipe"). The factory is set up as openhtmltopdf sets up its own (namespaces, no external
 * entities or DTDs), so the DOM and with it the PDF are the same (ResponseBytesGoldenTest).
 */
public final class TravelerPdf {

    private static final DocumentBuilderFactory XHTML = xhtmlParsers();

    static {
        // openhtmltopdf logs timings at INFO on every render; keep its warnings and errors only.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private TravelerPdf() {
    }

    public static void write(String xhtml, OutputStream out) {
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(parse(xhtml), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
    }

    private static Document parse(String xhtml) {
        try {
            // a DocumentBuilder is not thread-safe; the factory is, and making a builder from it is cheap
            return XHTML.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the traveler is not well-formed XHTML", e);
        }
    }

    private static DocumentBuilderFactory xhtmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser without the features the traveler needs", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
