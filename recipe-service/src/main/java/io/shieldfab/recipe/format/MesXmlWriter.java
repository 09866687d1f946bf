package io.shieldfab.recipe.format;

import io.shieldfab.recipe.process.Operation;
import io.shieldfab.recipe.process.Parameter;
import io.shieldfab.recipe.process.Phase;
import io.shieldfab.recipe.process.RecipeSummary;
import io.shieldfab.recipe.process.UnitProcedure;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Writes a recipe as XML for MES import, shaped as an ISA-88 master recipe (namespace
 * {@value #NAMESPACE}, schema {@code mes/shieldfab-recipe-1.xsd}, documented in docs/recipe.md §7):
 * <pre>
 * MasterRecipe(id, version, status, contentHash)
 *   Header(designName, designRevision, layoutId, createdAt, createdBy, approved…, released…)
 *   UnitProcedure(seq, name, claims) → Purpose, Operation(seq, name) → Phase(seq, name) →
 *     Instruction, Parameter(name, type, unit?, min?, max?) value
 *   Summary → one element per figure
 * </pre>
 * Streams through StAX; nothing but the JDK.
 */
public final class MesXmlWriter {

    public static final String NAMESPACE = "urn:shieldfab:mes:recipe:1";

    private MesXmlWriter() {
    }

    public static void write(RecipeDocument doc, OutputStream out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("MasterRecipe");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("id", doc.id());
            x.writeAttribute("version", Integer.toString(doc.version()));
            x.writeAttribute("status", doc.status());
            x.writeAttribute("contentHash", doc.contentHash());
            header(x, doc);
            int u = 0;
            for (UnitProcedure unit : doc.procedure().unitProcedures()) {
                unitProcedure(x, ++u, unit);
            }
            summary(x, doc.procedure().summary());
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("MES export failed", e);
        }
    }

    private static void header(XMLStreamWriter x, RecipeDocument doc) throws XMLStreamException {
        x.writeEmptyElement("Header");
        x.writeAttribute("designName", doc.procedure().designName());
        x.writeAttribute("designRevision", doc.procedure().designRevision());
        optional(x, "layoutId", doc.layoutId());
        x.writeAttribute("createdAt", doc.createdAt().toString());
        x.writeAttribute("createdBy", doc.createdBy());
        optional(x, "approvedAt", doc.approvedAt());
        optional(x, "approvedBy", doc.approvedBy());
        optional(x, "releasedAt", doc.releasedAt());
        optional(x, "releasedBy", doc.releasedBy());
    }

    private static void unitProcedure(XMLStreamWriter x, int seq, UnitProcedure unit) throws XMLStreamException {
        x.writeStartElement("UnitProcedure");
        x.writeAttribute("seq", Integer.toString(seq));
        x.writeAttribute("name", unit.name());
        x.writeAttribute("claims", unit.claims());
        text(x, "Purpose", unit.purpose());
        int o = 0;
        for (Operation op : unit.operations()) {
            x.writeStartElement("Operation");
            x.writeAttribute("seq", Integer.toString(++o));
            x.writeAttribute("name", op.name());
            int p = 0;
            for (Phase phase : op.phases()) {
                phase(x, ++p, phase);
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void phase(XMLStreamWriter x, int seq, Phase phase) throws XMLStreamException {
        x.writeStartElement("Phase");
        x.writeAttribute("seq", Integer.toString(seq));
        x.writeAttribute("name", phase.name());
        text(x, "Instruction", phase.instruction());
        for (Parameter param : phase.parameters()) {
            x.writeStartElement("Parameter");
            x.writeAttribute("name", param.name());
            x.writeAttribute("type", param.type().name());
            optional(x, "unit", param.unit());
            optional(x, "min", param.min());
            optional(x, "max", param.max());
            x.writeCharacters(String.valueOf(param.value()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void summary(XMLStreamWriter x, RecipeSummary s) throws XMLStreamException {
        x.writeStartElement("Summary");
        text(x, "siteCount", Integer.toString(s.siteCount()));
        text(x, "depositMetal", s.depositMetal());
        text(x, "platingCurrentA", Double.toString(s.platingCurrentA()));
        text(x, "platingDurationS", Double.toString(s.platingDurationS()));
        text(x, "platingAmpereHours", Double.toString(s.platingAmpereHours()));
        text(x, "depositMassG", Double.toString(s.depositMassG()));
        text(x, "encapsulantVolumeMm3", Double.toString(s.encapsulantVolumeMm3()));
        text(x, "encapsulantNetVolumeMm3", Double.toString(s.encapsulantNetVolumeMm3()));
        text(x, "totalCutLengthMm", Double.toString(s.totalCutLengthMm()));
        text(x, "singulationDurationS", Double.toString(s.singulationDurationS()));
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void optional(XMLStreamWriter x, String name, Object value) throws XMLStreamException {
        if (value != null) {
            x.writeAttribute(name, value instanceof Instant i ? i.toString() : String.valueOf(value));
        }
    }
}
