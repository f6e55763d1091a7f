package cl.aula.sige.contract;

import java.util.Arrays;
import java.util.Optional;

/** The SOAP ports of SIGE's interoperability services, where they are served and their schema. */
public enum SigePort {
    SEMILLA_SERVICIOS("SemillaServiciosSoapPort", SigeNamespaces.WWWFS, "xsd/SemillaServicios.xsd"),
    ASISTENCIA_SIGE("AsistenciaSigeSoapPort", SigeNamespaces.DIDO, "xsd/AsistenciaSige.xsd"),
    VALIDA_ALUMNO_SIGE("ValidaAlumnoSigeSoapPort", SigeNamespaces.WWWFS, "xsd/ValidaAlumnoSige.xsd");

    /** The path under a base URL (e.g. {@code http://host:port}) where ports are served. */
    public static final String SERVICES_PATH = "/WsApiMineduc/services/";

    /** The path under a base URL where the WSDL of each port is served. */
    public static final String WSDL_PATH = "/WsApiMineduc/wsdl/";

    private final String portName;
    private final String namespace;
    private final String schemaResource;

    SigePort(String portName, String namespace, String schemaResource) {
        this.portName = portName;
        this.namespace = namespace;
        this.schemaResource = schemaResource;
    }

    /** E.g. {@code AsistenciaSigeSoapPort}. */
    public String portName() {
        return portName;
    }

    /** The namespace the generated types of this port's documents are bound to. */
    public String namespace() {
        return namespace;
    }

    /** The classpath resource of this port's XSD. */
    public String schemaResource() {
        return schemaResource;
    }

    /** The classpath resource of this port's WSDL. */
    public String wsdlResource() {
        return "wsdl/" + portName + ".wsdl";
    }

    /** E.g. {@code /WsApiMineduc/services/AsistenciaSigeSoapPort}. */
    public String servicePath() {
        return SERVICES_PATH + portName;
    }

    /** E.g. {@code /WsApiMineduc/wsdl/AsistenciaSigeSoapPort.wsdl}. */
    public String wsdlPath() {
        return WSDL_PATH + portName + ".wsdl";
    }

    /** The port named {@code portName}, e.g. {@code AsistenciaSigeSoapPort}. */
    public static Optional<SigePort> named(String portName) {
        return Arrays.stream(values()).filter(p -> p.portName.equals(portName)).findFirst();
    }
}
