package io.shieldfab.recipe.format;

import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
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
 *
 * <p>The PDF is a function of the XHTML and the recipe's creation time only, so every render of one recipe gives the
 * same bytes and its ETag names them (docs/api-guide.md, "Recipes"): the document's /CreationDate is the recipe's
 * {@code createdAt}, not the render's clock, and PDFBox's file identifier (/ID, an MD5 over a document id and the
 * document information) is seeded from the XHTML's SHA-256 instead of the clock.
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

    /** Renders {@code xhtml} to {@code out}; {@code createdAt} becomes the document's creation date. */
    public static void write(String xhtml, Instant createdAt, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(parse(xhtml), null);
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.setListener(new Reproducible(createdAt, documentId(xhtml)));
            renderer.createPDF();
        } catch (IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
    }

    /** Sets the creation date and the document id after openhtmltopdf has set its own, before the file is saved. */
    private record Reproducible(Instant createdAt, long documentId) implements PDFCreationListener {
        @Override
        public void preOpen(PdfBoxRenderer renderer) {
        }

        @Override
        public void preWrite(PdfBoxRenderer renderer, int pageCount) {
        }

        @Override
        public void onClose(PdfBoxRenderer renderer) {
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(createdAt.toEpochMilli());
            renderer.getPdfDocument().getDocumentInformation().setCreationDate(created);
            renderer.getPdfDocument().setDocumentId(documentId);
        }
    }

    /** The first 8 bytes of the XHTML's SHA-256. */
    private static long documentId(String xhtml) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(xhtml.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha256).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
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
