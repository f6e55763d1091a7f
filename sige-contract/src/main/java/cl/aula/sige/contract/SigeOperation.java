package cl.aula.sige.contract;

import java.util.Arrays;
import java.util.Optional;

/** The operations of SIGE's interoperability services, their port and their documents. */
public enum SigeOperation {
    GET_SEMILLA_SERVICIOS(
            "getSemillaServicios", SigePort.SEMILLA_SERVICIOS, "EntradaSemillaServicios", "SemillaServicios", false),
    ADD_ASISTENCIA(
            "addAsistencia", SigePort.ASISTENCIA_SIGE, "EntradaAddAsistenciaSige", "SalidaAddAsistenciaSige", true),
    GET_REPORTE_ENVIO_ASISTENCIA(
            "getReporteEnvioAsistencia",
            SigePort.ASISTENCIA_SIGE,
            "EntradaGetReporteEnvioAsistenciaSige",
            "SalidaGetReporteEnvioAsistenciaSige",
            true),
    GET_VALIDACION(
            "getValidacion", SigePort.VALIDA_ALUMNO_SIGE, "EntradaValidaAlumnoSige", "SalidaValidaAlumnoSige", true);

    /** The element every business request carries last: the session value. */
    public static final String SEMILLA_ELEMENT = "Semilla";

    private final String operationName;
    private final SigePort port;
    private final String requestElement;
    private final String responseElement;
    private final boolean carriesSemilla;

    SigeOperation(
            String operationName,
            SigePort port,
            String requestElement,
            String responseElement,
            boolean carriesSemilla) {
        this.operationName = operationName;
        this.port = port;
        this.requestElement = requestElement;
        this.responseElement = responseElement;
        this.carriesSemilla = carriesSemilla;
    }

    /** The WSDL operation name, e.g. {@code addAsistencia}. */
    public String operationName() {
        return operationName;
    }

    public SigePort port() {
        return port;
    }

    /** The local name of the request document's root, e.g. {@code EntradaAddAsistenciaSige}. */
    public String requestElement() {
        return requestElement;
    }

    /** The local name of the response document's root, e.g. {@code SalidaAddAsistenciaSige}. */
    public String responseElement() {
        return responseElement;
    }

    /** Whether the request carries a {@code Semilla} (every call but the one that issues it). */
    public boolean carriesSemilla() {
        return carriesSemilla;
    }

    /** The operation whose request document's root has the local name {@code requestElement}. */
    public static Optional<SigeOperation> forRequestElement(String requestElement) {
        return Arrays.stream(values())
                .filter(o -> o.requestElement.equals(requestElement))
                .findFirst();
    }
}
