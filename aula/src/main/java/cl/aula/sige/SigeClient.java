package cl.aula.sige;

import cl.aula.sige.contract.SoapRuntime;
import cl.mineduc.dido.archivos.schemas.EntradaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.EntradaGetReporteEnvioAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.ListadoMensajes;
import cl.mineduc.dido.archivos.schemas.RecordAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.SalidaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.SalidaGetReporteEnvioAsistenciaSige;
import cl.mineduc.wwwfs.archivos.schemas.EntradaSemillaServicios;
import cl.mineduc.wwwfs.archivos.schemas.EntradaValidaAlumnoSige;
import cl.mineduc.wwwfs.archivos.schemas.SalidaValidaAlumnoSige;
import cl.mineduc.wwwfs.archivos.schemas.SemillaServicios;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.stereotype.Component;
import org.springframework.ws.client.WebServiceIOException;
import org.springframework.ws.client.WebServiceTransportException;
import org.springframework.ws.client.core.WebServiceTemplate;
import org.springframework.ws.soap.client.SoapFaultClientException;
import org.springframework.ws.transport.http.JdkHttpClientMessageSender;

/**
 * Aula's only way to SIGE: SOAP 1.1 calls at one pace ({@link SigePace}) and through one circuit
 * breaker, both shared by every school, with the session value (semilla) kept per agreement and
 * renewed when SIGE says it expired (code 6). Every answer is classified; nothing here retries
 * later, that is the job queue's business.
 *
 * <p>Known shortcoming: SAAJ builds a DOM for every message and that is two thirds of the job threads'
 * CPU; the month-end benchmark reaches 152 of the 200 submissions a second asked (docs/RESILIENCE.md).
 */
@Component
class SigeClient {

    private static final Logger log = LoggerFactory.getLogger(SigeClient.class);

    private final SigeEndpoint endpoint;
    private final CircuitBreaker breaker;
    private final SigePace pace;
    private final WebServiceTemplate soap;
    private final int clientId;
    // Keyed by the whole credentials: a token changed by support must open a new session, not reuse one.
    private final Map<Agreements.Credentials, String> semillas = new ConcurrentHashMap<>();
    private final Map<Integer, Object> semillaLocks = new ConcurrentHashMap<>();
    private volatile Instant openedAt = Instant.MIN;

    static final String PAUSED = "SIGE no disponible: se pausaron las llamadas por fallas repetidas.";
    static final String BUSY = "SIGE está recibiendo muchos envíos: Aula espera su turno para llamarlo.";

    SigeClient(
            SigeEndpoint endpoint,
            CircuitBreaker sigeCircuitBreaker,
            SigePace pace,
            @Value("${aula.sige.client-id}") int clientId,
            @Value("${aula.sige.connect-timeout:5s}") Duration connectTimeout,
            @Value("${aula.sige.read-timeout:60s}") Duration readTimeout) {
        this.endpoint = endpoint;
        this.breaker = sigeCircuitBreaker;
        this.pace = pace;
        this.clientId = clientId;
        // Resilience4j does not say when an open breaker will let calls out again: remember when it opened.
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = event.getCreationTime().toInstant();
            }
        });
        SoapRuntime.useJdkTransformerFactory();
        Jaxb2Marshaller marshaller = new Jaxb2Marshaller();
        marshaller.setPackagesToScan("cl.mineduc.dido.archivos.schemas", "cl.mineduc.wwwfs.archivos.schemas");
        try {
            marshaller.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("the SIGE contract types cannot be bound", e);
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkHttpClientMessageSender sender = new JdkHttpClientMessageSender(http);
        sender.setRequestTimeout(readTimeout);
        this.soap = new WebServiceTemplate(marshaller);
        this.soap.setMessageSender(sender);
    }

    /**
     * While the breaker is open, when it will let a probe call out again; empty when calls go out.
     * Work that would only be turned back by the breaker can wait until then instead of trying.
     */
    Optional<Instant> pausedUntil() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return Optional.empty();
        }
        long openFor = breaker.getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState()
                .apply(1);
        Instant until = openedAt.plusMillis(openFor);
        // The breaker keeps its own wall-clock time, so this is compared with the system's, not Aula's Clock.
        return until.isAfter(Instant.now()) ? Optional.of(until) : Optional.empty();
    }

    /** Sends one date of one grade. Renews the semilla once if SIGE says it expired. */
    SigeAnswer addAsistencia(Agreements.Credentials credentials, RecordAsistenciaSige record) {
        return withSemilla(credentials, semilla -> {
            EntradaAddAsistenciaSige request = new EntradaAddAsistenciaSige();
            request.setRecordAsistenciaSige(record);
            request.setSemilla(semilla);
            SalidaAddAsistenciaSige answer = (SalidaAddAsistenciaSige) call("AsistenciaSigeSoapPort", request);
            int code = answer.getCodigoRespuestaAsistencia();
            List<String> messages = messages(answer.getListadoMensajes());
            return switch (code) {
                case 1 -> SigeAnswer.ok(code, answer.getCodigoEnvioAsistencia(), messages);
                case 5, 7, 6 -> SigeAnswer.unavailable(code, describe(code));
                default -> SigeAnswer.refused(code, messages, describe(code));
            };
        });
    }

    /** Asks how SIGE's processing of a submission went; code 0 means it is still being processed. */
    SigeAnswer report(Agreements.Credentials credentials, int rbd, String submissionCode) {
        return withSemilla(credentials, semilla -> {
            EntradaGetReporteEnvioAsistenciaSige request = new EntradaGetReporteEnvioAsistenciaSige();
            request.setRBD(rbd);
            request.setCodigoEnvioAsistencia(submissionCode);
            request.setSemilla(semilla);
            SalidaGetReporteEnvioAsistenciaSige answer =
                    (SalidaGetReporteEnvioAsistenciaSige) call("AsistenciaSigeSoapPort", request);
            int code = answer.getCodigoRespuestaReporteEnvioAsistencia();
            List<String> messages = messages(answer.getListadoMensajes());
            return switch (code) {
                case 0, 1, 2, 3 -> SigeAnswer.ok(code, submissionCode, messages);
                case 5, 7, 6 -> SigeAnswer.unavailable(code, describe(code));
                default -> SigeAnswer.refused(code, messages, describe(code));
            };
        });
    }

    /**
     * Whether SIGE has a record for the student. As vendor clients read it, ExisteFichaAlumno is a
     * code: 1 has a record, 2 has it under other names, 4 has none, 5 the RUN is not valid; 3 and 7
     * mean the service could not answer and 6 an expired session.
     */
    SigeAnswer validate(Agreements.Credentials credentials, EntradaValidaAlumnoSige request) {
        return withSemilla(credentials, semilla -> {
            request.setSemilla(semilla);
            SalidaValidaAlumnoSige answer = (SalidaValidaAlumnoSige) call("ValidaAlumnoSigeSoapPort", request);
            int code = answer.getExisteFichaAlumno();
            return switch (code) {
                case 1, 2, 4, 5 -> SigeAnswer.ok(code, null, List.of());
                default -> SigeAnswer.unavailable(code, "SIGE no pudo validar al alumno (código " + code + ").");
            };
        });
    }

    private SigeAnswer withSemilla(Agreements.Credentials credentials, Function<String, SigeAnswer> operation) {
        try {
            String semilla = semillas.get(credentials);
            if (semilla == null) {
                semilla = semillaReplacing(credentials, null);
            }
            SigeAnswer answer = operation.apply(semilla);
            if (answer.code() != null && answer.code() == 6) {
                log.info(
                        "SIGE's session for agreement {} expired; asking for a new one and repeating the call",
                        credentials.agreementId());
                answer = operation.apply(semillaReplacing(credentials, semilla));
            }
            return answer;
        } catch (CredentialsRefused e) {
            return SigeAnswer.credentialsRefused(e.getMessage());
        } catch (CallNotPermittedException e) {
            return SigeAnswer.paused(PAUSED);
        } catch (NoTurn e) {
            return SigeAnswer.paused(BUSY);
        } catch (WebServiceTransportException e) {
            return SigeAnswer.unavailable(null, "SIGE respondió con un error HTTP: " + e.getMessage());
        } catch (WebServiceIOException e) {
            return SigeAnswer.unavailable(null, "SIGE no respondió (conexión interrumpida o tiempo agotado).");
        } catch (SoapFaultClientException e) {
            return SigeAnswer.unavailable(null, "SIGE respondió con una falla SOAP: " + e.getFaultStringOrReason());
        } catch (SigeUnavailable e) {
            return SigeAnswer.unavailable(e.code, describe(e.code));
        }
    }

    /**
     * A new semilla unless another thread already replaced {@code stale} (null: none yet). One request
     * per agreement at a time: at month-end sixteen job threads met an agreement without a session at
     * once and each asked SIGE for one (benchmark: 352 getSemillaServicios for 200 agreements).
     */
    private String semillaReplacing(Agreements.Credentials credentials, String stale) {
        synchronized (semillaLocks.computeIfAbsent(credentials.agreementId(), id -> new Object())) {
            String current = semillas.get(credentials);
            if (current != null && !current.equals(stale)) {
                return current;
            }
            return newSemilla(credentials);
        }
    }

    private String newSemilla(Agreements.Credentials credentials) {
        EntradaSemillaServicios request = new EntradaSemillaServicios();
        request.setClienteId(clientId);
        request.setConvenioId(credentials.agreementId());
        request.setConvenioToken(credentials.token());
        try {
            SemillaServicios answer = (SemillaServicios) call("SemillaServiciosSoapPort", request);
            String value = answer.getValorSemilla();
            if (value == null || value.isBlank()) {
                throw new CredentialsRefused("SIGE no entregó una sesión para el convenio " + credentials.agreementId()
                        + ": revise el número de convenio y el token.");
            }
            semillas.put(credentials, value);
            return value;
        } catch (SoapFaultClientException e) {
            if (isServerFault(e)) {
                throw e;
            }
            // SIGE answers unknown credentials with a Client fault; that is not worth retrying.
            throw new CredentialsRefused("SIGE rechazó las credenciales del convenio " + credentials.agreementId()
                    + " (" + e.getFaultStringOrReason() + "): revise el número de convenio y el token.");
        }
    }

    /**
     * One SOAP call at the shared pace and through the circuit breaker; codes 5 and 7 count as failures
     * too. A call the breaker keeps in tells the pace nothing: SIGE never saw it.
     */
    private Object call(String port, Object request) {
        if (!pace.acquire()) {
            throw new NoTurn();
        }
        try {
            Object answer = breaker.executeSupplier(() -> {
                Object reply = soap.marshalSendAndReceive(endpoint.port(port), request);
                Integer code = reply instanceof SalidaAddAsistenciaSige add
                        ? Integer.valueOf(add.getCodigoRespuestaAsistencia())
                        : reply instanceof SalidaGetReporteEnvioAsistenciaSige report
                                ? Integer.valueOf(report.getCodigoRespuestaReporteEnvioAsistencia())
                                : null;
                if (code != null && (code == 5 || code == 7)) {
                    throw new SigeUnavailable(code);
                }
                return reply;
            });
            pace.answered();
            return answer;
        } catch (SigeUnavailable | WebServiceIOException e) {
            pace.turnedAway();
            throw e;
        } catch (SoapFaultClientException e) {
            if (isServerFault(e)) {
                pace.turnedAway();
            } else {
                pace.answered();
            }
            throw e;
        }
    }

    /** A SOAP 1.1 Server fault is SIGE failing, not the request being wrong: worth retrying. */
    static boolean isServerFault(SoapFaultClientException fault) {
        return fault.getFaultCode() != null
                && fault.getFaultCode().getLocalPart().endsWith("Server");
    }

    private static List<String> messages(ListadoMensajes list) {
        return list == null || list.getMensaje() == null ? List.of() : List.copyOf(list.getMensaje());
    }

    static String describe(int code) {
        return switch (code) {
            case 1 -> "Aceptado para procesamiento.";
            case 2 -> "SIGE encontró errores de validación.";
            case 3 -> "El establecimiento no tiene el servicio disponible en SIGE.";
            case 4 -> "El convenio no está asociado a este RBD en SIGE.";
            case 5 -> "Servicio de SIGE no disponible.";
            case 6 -> "La sesión con SIGE expiró.";
            case 7 -> "Error interno de SIGE.";
            default -> "SIGE respondió con el código " + code + ".";
        };
    }

    /** SIGE answered, but with a code that means it could not serve the call now. */
    static final class SigeUnavailable extends RuntimeException {

        final int code;

        SigeUnavailable(int code) {
            super("SIGE answered code " + code, null, false, false);
            this.code = code;
        }
    }

    /** The pace gave no turn within its longest wait: nothing was sent. */
    static final class NoTurn extends RuntimeException {

        NoTurn() {
            super("no turn to call SIGE", null, false, false);
        }
    }

    static final class CredentialsRefused extends RuntimeException {

        CredentialsRefused(String message) {
            super(message, null, false, false);
        }
    }
}
