package io.shieldfab.gateway.portal;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares a service's SVG for inlining in a portal page (so the zoom and pan script can change its
 * {@code viewBox} and the drawing stays sharp at any zoom). Only a drawing passes: the document must
 * parse as XML without a DTD and hold no script, foreign object, event handler or external reference;
 * anything else is not inlined (the page then offers the file as a download only).
 */
public final class InlineSvg {

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "object", "embed",
            "image", "use", "animate", "set", "animatetransform", "animatemotion", "a");

    private InlineSvg() {
    }

    /** The {@code <svg>} element ready to inline, or empty when the document is not a plain drawing. */
    public static Optional<String> prepare(byte[] svg) {
        if (svg == null || !safe(svg)) {
            return Optional.empty();
        }
        String text = new String(svg, StandardCharsets.UTF_8);
        int start = text.indexOf("<svg");
        if (start < 0) {
            return Optional.empty();
        }
        text = text.substring(start);
        int tagEnd = text.indexOf('>');
        String root = text.substring(0, tagEnd)
                // The page sizes the drawing; the script zooms by changing the viewBox.
                .replaceFirst("\\swidth=\"[^\"]*\"", "")
                .replaceFirst("\\sheight=\"[^\"]*\"", "");
        return Optional.of(root + " class=\"layout-drawing\" focusable=\"false\" aria-hidden=\"true\"" + text.substring(tagEnd));
    }

    static boolean safe(byte[] svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(svg)).getDocumentElement();
            return "svg".equals(root.getTagName()) && clean(root);
        } catch (Exception notAPlainDrawing) {
            return false;
        }
    }

    private static boolean clean(Element element) {
        if (FORBIDDEN_ELEMENTS.contains(element.getTagName().toLowerCase(Locale.ROOT))) {
            return false;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName().toLowerCase(Locale.ROOT);
            String value = attributes.item(i).getNodeValue().toLowerCase(Locale.ROOT);
            if (name.startsWith("on") || name.endsWith("href") || value.contains("url(http") || value.contains("javascript:")) {
                return false;
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e && !clean(e)) {
                return false;
            }
        }
        return true;
    }
}
