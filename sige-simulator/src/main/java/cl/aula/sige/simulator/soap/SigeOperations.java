package cl.aula.sige.simulator.soap;

import cl.aula.sige.contract.SigeOperation;
import cl.aula.sige.contract.SigeSchemas;
import cl.aula.sige.simulator.agreement.Agreement;
import cl.aula.sige.simulator.agreement.AgreementRegistry;
import cl.aula.sige.simulator.agreement.SemillaRegistry;
import cl.aula.sige.simulator.attendance.AttendanceDocument;
import cl.aula.sige.simulator.attendance.AttendanceService;
import cl.aula.sige.simulator.attendance.SentCourse;
import cl.aula.sige.simulator.attendance.SigeAnswer;
import cl.aula.sige.simulator.enrollment.EnrollmentRegistry;
import cl.aula.sige.simulator.enrollment.Run;
import cl.aula.sige.simulator.fault.FaultInjector;
import cl.aula.sige.simulator.fault.ServiceFault;
import cl.aula.sige.simulator.stats.CallStatistics;
import cl.mineduc.dido.archivos.schemas.EntradaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.EntradaGetReporteEnvioAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.ListaRun;
import cl.mineduc.dido.archivos.schemas.ListadoMensajes;
import cl.mineduc.dido.archivos.schemas.RecordAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.SalidaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.SalidaGetReporteEnvioAsistenciaSige;
import cl.mineduc.wwwfs.archivos.schemas.EntradaSemillaServicios;
import cl.mineduc.wwwfs.archivos.schemas.EntradaValidaAlumnoSige;
import cl.mineduc.wwwfs.archivos.schemas.SalidaValidaAlumnoSige;
import cl.mineduc.wwwfs.archivos.schemas.SemillaServicios;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.transform.dom.DOMSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Handles one SIGE operation on a request document already in its canonical namespace, in the
 * order a call meets its obstacles: an injected service fault (code 5 or 7), the semilla (code 6),
 * the schema (a client fault), then the business rules.
 */
@Component
class SigeOperations {

    /** getValidacion codes, as vendor clients read them. */
    static final int HAS_RECORD = 1;

    static final int NO_RECORD = 4;
    static final int INVALID_RUN = 5;
    static final int UNAVAILABLE = 5;
    static final int SEMILLA_REFUSED = 6;
    static final int INTERNAL_ERROR = 7;

    /** Ours. */
    static final String UNAVAILABLE_MESSAGE = "SERVICIO NO DISPONIBLE.";
    /** Ours. */
    static final String INTERNAL_ERROR_MESSAGE = "ERROR INTERNO DEL SERVICIO.";
    /** Ours. */
    static final String SEMILLA_REFUSED_MESSAGE = "SEMILLA NO VALIDA O EXPIRADA.";
    /** Ours. */
    static final String BAD_CREDENTIALS = "CREDENCIALES DE CONVENIO NO VALIDAS.";

    private static final Logger log = LoggerFactory.getLogger(SigeOperations.class);

    private final AgreementRegistry agreements;
    private final SemillaRegistry semillas;
    private final EnrollmentRegistry enrollments;
    private final AttendanceService attendance;
    private final FaultInjector faults;

    SigeOperations(
            AgreementRegistry agreements,
            SemillaRegistry semillas,
            EnrollmentRegistry enrollments,
            AttendanceService attendance,
            FaultInjector faults) {
        this.agreements = agreements;
        this.semillas = semillas;
        this.enrollments = enrollments;
        this.attendance = attendance;
        this.faults = faults;
    }

    /** The answer document (a generated type) to {@code request}. */
    Object handle(SigeOperation operation, Document request) {
        ServiceFault fault = faults.drawServiceFault();
        if (fault != ServiceFault.NONE) {
            log.debug("Injected service fault {} on {}", fault, operation.operationName());
            return serviceFaultAnswer(operation, fault);
        }
        OptionalInt agreementId = OptionalInt.empty();
        if (operation.carriesSemilla()) {
            // A missing Semilla is answered like an unknown one, with code 6, not with a fault:
            // servers of SIGE's generation bind a missing element as null, and the contract says a
            // call with an unknown semilla answers 6. Clients then ask for a new one and repeat.
            agreementId = semillas.agreementOf(childText(request.getDocumentElement(), SigeOperation.SEMILLA_ELEMENT));
            if (agreementId.isEmpty()) {
                return semillaRefusedAnswer(operation);
            }
        }
        validate(operation, request);
        Object document = unmarshal(request);

        return switch (operation) {
            case GET_SEMILLA_SERVICIOS -> getSemillaServicios((EntradaSemillaServicios) document);
            case ADD_ASISTENCIA -> addAsistencia((EntradaAddAsistenciaSige) document, agreementId.getAsInt());
            case GET_REPORTE_ENVIO_ASISTENCIA ->
                getReporteEnvioAsistencia((EntradaGetReporteEnvioAsistenciaSige) document, agreementId.getAsInt());
            case GET_VALIDACION -> getValidacion((EntradaValidaAlumnoSige) document);
        };
    }

    /** The code an answer carries, for the statistics. */
    static String codeOf(Object answer) {
        if (answer instanceof SemillaServicios) {
            return CallStatistics.OK;
        }
        if (answer instanceof SalidaAddAsistenciaSige salida) {
            return Integer.toString(salida.getCodigoRespuestaAsistencia());
        }
        if (answer instanceof SalidaGetReporteEnvioAsistenciaSige salida) {
            return Integer.toString(salida.getCodigoRespuestaReporteEnvioAsistencia());
        }
        if (answer instanceof SalidaValidaAlumnoSige salida) {
            return Integer.toString(salida.getExisteFichaAlumno());
        }
        throw new IllegalArgumentException("Not a SIGE answer: " + answer.getClass());
    }

    private SemillaServicios getSemillaServicios(EntradaSemillaServicios request) {
        Optional<Agreement> agreement =
                agreements.authenticate(request.getClienteId(), request.getConvenioId(), request.getConvenioToken());
        if (agreement.isEmpty()) {
            // The session answer has no code to refuse with: a fault is what is left (ours).
            log.info("Semilla refused: credentials of agreement {} not valid", request.getConvenioId());
            throw SoapFaultException.client(BAD_CREDENTIALS);
        }
        SemillaServicios answer = new SemillaServicios();
        answer.setValorSemilla(semillas.issue(agreement.get().agreementId()));
        return answer;
    }

    private SalidaAddAsistenciaSige addAsistencia(EntradaAddAsistenciaSige request, int agreementId) {
        SigeAnswer answer = attendance.addAttendance(agreementId, toDocument(request.getRecordAsistenciaSige()));
        return salidaAddAsistencia(answer);
    }

    private SalidaGetReporteEnvioAsistenciaSige getReporteEnvioAsistencia(
            EntradaGetReporteEnvioAsistenciaSige request, int agreementId) {
        SigeAnswer answer = attendance.report(agreementId, request.getRBD(), request.getCodigoEnvioAsistencia());
        return salidaReporte(answer);
    }

    private SalidaValidaAlumnoSige getValidacion(EntradaValidaAlumnoSige request) {
        Run run = new Run(request.getRun().getNumero(), request.getRun().getDv());
        int code;
        if (!run.hasValidCheckDigit()) {
            code = INVALID_RUN;
        } else {
            code = enrollments.hasRecordOf(run.numero()) ? HAS_RECORD : NO_RECORD;
        }
        return salidaValidacion(code);
    }

    private Object serviceFaultAnswer(SigeOperation operation, ServiceFault fault) {
        boolean unavailable = fault == ServiceFault.UNAVAILABLE;
        int code = unavailable ? UNAVAILABLE : INTERNAL_ERROR;
        String message = unavailable ? UNAVAILABLE_MESSAGE : INTERNAL_ERROR_MESSAGE;
        return switch (operation) {
            // No code to answer with: the session call fails with a server fault (ours).
            case GET_SEMILLA_SERVICIOS -> throw SoapFaultException.server(message);
            case ADD_ASISTENCIA -> salidaAddAsistencia(SigeAnswer.withMessage(code, message));
            case GET_REPORTE_ENVIO_ASISTENCIA -> salidaReporte(SigeAnswer.withMessage(code, message));
            // Code 5 means "RUN not valid" here, so unavailability is a server fault (ours).
            case GET_VALIDACION -> {
                if (unavailable) {
                    throw SoapFaultException.server(message);
                }
                yield salidaValidacion(INTERNAL_ERROR);
            }
        };
    }

    private Object semillaRefusedAnswer(SigeOperation operation) {
        SigeAnswer refused = SigeAnswer.withMessage(SEMILLA_REFUSED, SEMILLA_REFUSED_MESSAGE);
        return switch (operation) {
            case ADD_ASISTENCIA -> salidaAddAsistencia(refused);
            case GET_REPORTE_ENVIO_ASISTENCIA -> salidaReporte(refused);
            case GET_VALIDACION -> salidaValidacion(SEMILLA_REFUSED);
            case GET_SEMILLA_SERVICIOS -> throw new IllegalArgumentException("getSemillaServicios has no semilla");
        };
    }

    private static void validate(SigeOperation operation, Document request) {
        try {
            SigeSchemas.schema(operation.port()).newValidator().validate(new DOMSource(request));
        } catch (SAXException e) {
            throw SoapFaultException.client(
                    "EL DOCUMENTO NO CUMPLE EL ESQUEMA DE " + operation.requestElement() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read a document held in memory", e);
        }
    }

    private static Object unmarshal(Document request) {
        try {
            return SigeSchemas.jaxbContext().createUnmarshaller().unmarshal(request);
        } catch (JAXBException e) {
            throw SoapFaultException.client("EL DOCUMENTO NO SE PUDO LEER: " + e.getMessage());
        }
    }

    private static AttendanceDocument toDocument(RecordAsistenciaSige record) {
        List<SentCourse> courses = record.getCursos().getCurso().stream()
                .map(c -> new SentCourse(c.getLetraCurso(), runs(c.getPresentes()), runs(c.getAusentes())))
                .toList();
        return new AttendanceDocument(
                record.getAnioEscolar(),
                record.getRBD(),
                record.getCodigoTipoEnsenanza(),
                record.getCodigoGrado(),
                record.getFechaAsistencia(),
                courses);
    }

    private static List<Run> runs(ListaRun list) {
        return list == null
                ? List.of()
                : list.getRun().stream()
                        .map(r -> new Run(r.getNumero(), r.getDv()))
                        .toList();
    }

    private static SalidaAddAsistenciaSige salidaAddAsistencia(SigeAnswer answer) {
        SalidaAddAsistenciaSige salida = new SalidaAddAsistenciaSige();
        salida.setCodigoRespuestaAsistencia(answer.code());
        salida.setCodigoEnvioAsistencia(answer.submissionCode());
        salida.setListadoMensajes(listado(answer));
        return salida;
    }

    private static SalidaGetReporteEnvioAsistenciaSige salidaReporte(SigeAnswer answer) {
        SalidaGetReporteEnvioAsistenciaSige salida = new SalidaGetReporteEnvioAsistenciaSige();
        salida.setCodigoRespuestaReporteEnvioAsistencia(answer.code());
        salida.setListadoMensajes(listado(answer));
        return salida;
    }

    private static SalidaValidaAlumnoSige salidaValidacion(int code) {
        SalidaValidaAlumnoSige salida = new SalidaValidaAlumnoSige();
        salida.setExisteFichaAlumno(code);
        return salida;
    }

    private static ListadoMensajes listado(SigeAnswer answer) {
        if (!answer.hasMessages()) {
            return null;
        }
        ListadoMensajes listado = new ListadoMensajes();
        listado.setTitulo(answer.title());
        listado.getMensaje().addAll(answer.messages());
        return listado;
    }

    private static String childText(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && localName.equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        return null;
    }
}
