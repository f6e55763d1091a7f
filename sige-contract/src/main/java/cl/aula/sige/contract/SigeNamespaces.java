package cl.aula.sige.contract;

import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The two schema namespaces SIGE documents were seen in, and the means to move a document from one
 * to the other.
 *
 * <p>Real vendor clients mixed them: a server must accept either namespace on any document and
 * answer in the namespace of the request. The generated types bind each document to one namespace,
 * its <em>canonical</em> one ({@link SigePort#namespace()}); {@link #withNamespace} moves a document
 * there before binding and back afterwards.
 */
public final class SigeNamespaces {

    /** Where clients put the session and student validation documents. */
    public static final String WWWFS = "http://wwwfs.mineduc.cl/Archivos/Schemas/";

    /** Where clients put the attendance, course and teaching-type documents. */
    public static final String DIDO = "http://dido.mineduc.cl/Archivos/Schemas/";

    private static final Set<String> SIGE_NAMESPACES = Set.of(WWWFS, DIDO);

    private SigeNamespaces() {}

    /** Whether {@code namespace} is one of the two SIGE schema namespaces. */
    public static boolean isSigeNamespace(String namespace) {
        return namespace != null && SIGE_NAMESPACES.contains(namespace);
    }

    /**
     * Copies {@code root} and everything under it into a new document in which every element that
     * is in a SIGE namespace, or in none, is in {@code namespace}, without a prefix. Attributes
     * ({@code xsi:schemaLocation}, {@code xsi:type}, …) and comments are left out: SIGE documents
     * carry their data in elements only.
     *
     * @throws ForeignNamespaceException when an element is in any other namespace
     */
    public static Document withNamespace(Element root, String namespace) {
        Document target = newDocument();
        Element copy = copyElement(root, target, namespace);
        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, namespace);
        target.appendChild(copy);
        return target;
    }

    private static Element copyElement(Element source, Document target, String namespace) {
        String sourceNamespace = source.getNamespaceURI();
        if (sourceNamespace != null && !sourceNamespace.isEmpty() && !isSigeNamespace(sourceNamespace)) {
            throw new ForeignNamespaceException(localName(source), sourceNamespace);
        }
        Element copy = target.createElementNS(namespace, localName(source));
        for (Node child = source.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> copy.appendChild(copyElement((Element) child, target, namespace));
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE ->
                    copy.appendChild(target.createTextNode(child.getNodeValue()));
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
        return copy;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser is not configured", e);
        }
    }

    /** An element of a SIGE document is in a namespace that is not one of SIGE's. */
    public static final class ForeignNamespaceException extends IllegalArgumentException {

        private final String element;
        private final String namespace;

        ForeignNamespaceException(String element, String namespace) {
            super("Element " + element + " is in namespace " + namespace + ", not in a SIGE namespace");
            this.element = element;
            this.namespace = namespace;
        }

        public String element() {
            return element;
        }

        public String namespace() {
            return namespace;
        }
    }
}
