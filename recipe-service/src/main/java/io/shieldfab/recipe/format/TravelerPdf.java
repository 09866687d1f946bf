package io.shieldfab.recipe.format;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;

/**
 * Renders the traveler's XHTML to PDF with openhtmltopdf (PDFBox backend), so the HTML and the PDF traveler
 * come from one template. The XHTML must be well-formed; fonts are the PDF base-14 fonts (WinAnsi text).
 */
public final class TravelerPdf {

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
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new IllegalStateException("PDF rendering failed", e);
        }
    }
}
