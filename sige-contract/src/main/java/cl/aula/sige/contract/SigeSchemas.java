package cl.aula.sige.contract;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** The compiled XSDs and the JAXB context of the generated types. */
public final class SigeSchemas {

    private static final Map<SigePort, Schema> SCHEMAS = compileSchemas();
    private static final JAXBContext JAXB_CONTEXT = createJaxbContext();

    private SigeSchemas() {}

    /**
     * The schema of one port's documents, in that port's namespace. One per port rather than one
     * for all: two of the XSDs share a namespace, and the JDK's schema compiler keeps only the first
     * of several sources with the same namespace.
     */
    public static Schema schema(SigePort port) {
        return SCHEMAS.get(port);
    }

    /** A context that binds every generated type of both namespaces. */
    public static JAXBContext jaxbContext() {
        return JAXB_CONTEXT;
    }

    private static Map<SigePort, Schema> compileSchemas() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Map<SigePort, Schema> schemas = new EnumMap<>(SigePort.class);
        for (SigePort port : SigePort.values()) {
            URL xsd = SigeSchemas.class.getClassLoader().getResource(port.schemaResource());
            if (xsd == null) {
                throw new IllegalStateException("Missing " + port.schemaResource() + " on the classpath");
            }
            try {
                schemas.put(port, factory.newSchema(new StreamSource(xsd.toExternalForm())));
            } catch (SAXException e) {
                throw new IllegalStateException("Cannot compile " + port.schemaResource(), e);
            }
        }
        return schemas;
    }

    private static JAXBContext createJaxbContext() {
        try {
            return JAXBContext.newInstance(
                    cl.mineduc.wwwfs.archivos.schemas.ObjectFactory.class,
                    cl.mineduc.dido.archivos.schemas.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot create the JAXB context of the SIGE types", e);
        }
    }
}
