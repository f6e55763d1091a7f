package cl.aula.sige.simulator.soap;

import static cl.aula.sige.simulator.SigeScene.AGREEMENT_ID;
import static cl.aula.sige.simulator.SigeScene.CLIENT_ID;
import static cl.aula.sige.simulator.SigeScene.RBD;
import static cl.aula.sige.simulator.SigeScene.STUDENT_2;
import static cl.aula.sige.simulator.SigeScene.STUDENT_3;
import static cl.aula.sige.simulator.SigeScene.STUDENT_K;
import static cl.aula.sige.simulator.SigeScene.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import cl.aula.sige.contract.SigePort;
import cl.aula.sige.simulator.enrollment.Run;
import cl.mineduc.dido.archivos.schemas.Curso;
import cl.mineduc.dido.archivos.schemas.Cursos;
import cl.mineduc.dido.archivos.schemas.EntradaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.EntradaGetReporteEnvioAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.ListaRun;
import cl.mineduc.dido.archivos.schemas.RecordAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.SalidaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.SalidaGetReporteEnvioAsistenciaSige;
import cl.mineduc.wwwfs.archivos.schemas.EntradaSemillaServicios;
import cl.mineduc.wwwfs.archivos.schemas.SemillaServicios;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.ws.client.core.WebServiceTemplate;

/** A client built the way Aula's can be: Spring WS and the types generated from the contract. */
class GeneratedTypesClientIntegrationTest extends SoapIntegrationTestBase {

    private WebServiceTemplate client;

    @BeforeEach
    void createClient() throws Exception {
        Jaxb2Marshaller marshaller = new Jaxb2Marshaller();
        marshaller.setContextPaths("cl.mineduc.wwwfs.archivos.schemas", "cl.mineduc.dido.archivos.schemas");
        marshaller.afterPropertiesSet();
        client = new WebServiceTemplate(marshaller);
    }

    @Test
    void aClientOnTheGeneratedTypesSendsAndHearsBackTheSameAsAVendorClient() throws Exception {
        var session = new EntradaSemillaServicios();
        session.setClienteId(CLIENT_ID);
        session.setConvenioId(AGREEMENT_ID);
        session.setConvenioToken(TOKEN);
        var semilla = (SemillaServicios) client.marshalSendAndReceive(url(SigePort.SEMILLA_SERVICIOS), session);

        var added = (SalidaAddAsistenciaSige)
                client.marshalSendAndReceive(url(SigePort.ASISTENCIA_SIGE), attendance(semilla.getValorSemilla()));
        processQueued();
        var report = new EntradaGetReporteEnvioAsistenciaSige();
        report.setRBD(RBD);
        report.setCodigoEnvioAsistencia(added.getCodigoEnvioAsistencia());
        report.setSemilla(semilla.getValorSemilla());
        var reported = (SalidaGetReporteEnvioAsistenciaSige)
                client.marshalSendAndReceive(url(SigePort.ASISTENCIA_SIGE), report);

        assertThat(added.getCodigoRespuestaAsistencia()).isEqualTo(1);
        assertThat(reported.getCodigoRespuestaReporteEnvioAsistencia()).isEqualTo(1);
        assertThat(reported.getListadoMensajes()).isNull();
    }

    private String url(SigePort port) {
        return baseUrl() + port.servicePath();
    }

    private static EntradaAddAsistenciaSige attendance(String semilla) {
        var course = new Curso();
        course.setLetraCurso("A");
        course.setPresentes(new ListaRun());
        course.getPresentes().getRun().add(run(STUDENT_K));
        course.getPresentes().getRun().add(run(STUDENT_3));
        course.setAusentes(new ListaRun());
        course.getAusentes().getRun().add(run(STUDENT_2));
        var record = new RecordAsistenciaSige();
        record.setAnioEscolar(2026);
        record.setRBD(RBD);
        record.setCodigoTipoEnsenanza(110);
        record.setCodigoGrado(1);
        record.setFechaAsistencia(LocalDate.of(2026, 3, 9));
        record.setCursos(new Cursos());
        record.getCursos().getCurso().add(course);
        var request = new EntradaAddAsistenciaSige();
        request.setRecordAsistenciaSige(record);
        request.setSemilla(semilla);
        return request;
    }

    private static cl.mineduc.dido.archivos.schemas.Run run(Run run) {
        var element = new cl.mineduc.dido.archivos.schemas.Run();
        element.setNumero(run.numero());
        element.setDv(run.dv());
        return element;
    }
}
