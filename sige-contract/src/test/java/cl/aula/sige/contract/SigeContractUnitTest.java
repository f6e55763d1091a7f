package cl.aula.sige.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.mineduc.dido.archivos.schemas.Curso;
import cl.mineduc.dido.archivos.schemas.Cursos;
import cl.mineduc.dido.archivos.schemas.EntradaAddAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.ListaRun;
import cl.mineduc.dido.archivos.schemas.RecordAsistenciaSige;
import cl.mineduc.dido.archivos.schemas.Run;
import cl.mineduc.wwwfs.archivos.schemas.EntradaSemillaServicios;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class SigeContractUnitTest {

    private static final String ATTENDANCE_AS_A_VENDOR_SENT_IT = """
            <sch:EntradaAddAsistenciaSige xmlns:sch="http://dido.mineduc.cl/Archivos/Schemas/">
               <sch:RecordAsistenciaSige>
                  <sch:AnioEscolar>2026</sch:AnioEscolar>
                  <sch:RBD>12345</sch:RBD>
                  <sch:CodigoTipoEnsenanza>110</sch:CodigoTipoEnsenanza>
                  <sch:CodigoGrado>1</sch:CodigoGrado>
                  <sch:FechaAsistencia>2026-03-02</sch:FechaAsistencia>
                  <sch:Cursos>
                     <!--1 or more repetitions:-->
                     <sch:Curso>
                        <sch:LetraCurso>A</sch:LetraCurso>
                        <sch:Presentes>
                           <sch:Run><sch:numero>10000013</sch:numero><sch:dv>K</sch:dv></sch:Run>
                        </sch:Presentes>
                        <sch:Ausentes/>
                     </sch:Curso>
                  </sch:Cursos>
               </sch:RecordAsistenciaSige>
               <sch:Semilla>abc</sch:Semilla>
            </sch:EntradaAddAsistenciaSige>
            """;

    @ParameterizedTest
    @EnumSource(SigePort.class)
    void everyPortHasACompiledSchemaAndAWsdlThatImportsIt(SigePort port) throws IOException {
        assertThat(SigeSchemas.schema(port)).isNotNull();

        String wsdl = resource(port.wsdlResource());

        assertThat(wsdl)
                .contains("schemaLocation=\"../" + port.schemaResource() + "\"")
                .contains("<wsdl:port name=\"" + port.portName() + "\"")
                .contains("location=\"http://localhost:8089" + port.servicePath() + "\"");
    }

    @Test
    void everyOperationIsDeclaredInTheWsdlOfItsPort() throws IOException {
        for (SigeOperation operation : SigeOperation.values()) {
            String wsdl = resource(operation.port().wsdlResource());

            assertThat(wsdl)
                    .contains("<wsdl:operation name=\"" + operation.operationName() + "\"")
                    .contains("element=\"sch:" + operation.requestElement() + "\"")
                    .contains("element=\"sch:" + operation.responseElement() + "\"");
        }
    }

    @Test
    void aVendorShapedAttendanceDocumentIsValidAndBindsToTheGeneratedTypes() throws Exception {
        Element root = parse(ATTENDANCE_AS_A_VENDOR_SENT_IT);

        SigeSchemas.schema(SigePort.ASISTENCIA_SIGE).newValidator().validate(new DOMSource(root));
        var request = (EntradaAddAsistenciaSige)
                SigeSchemas.jaxbContext().createUnmarshaller().unmarshal(root);

        RecordAsistenciaSige record = request.getRecordAsistenciaSige();
        assertThat(record.getRBD()).isEqualTo(12345);
        assertThat(record.getFechaAsistencia()).isEqualTo(LocalDate.of(2026, 3, 2));
        Run run = record.getCursos().getCurso().get(0).getPresentes().getRun().get(0);
        assertThat(run.getNumero()).isEqualTo(10000013);
        assertThat(run.getDv()).isEqualTo("K");
        assertThat(request.getSemilla()).isEqualTo("abc");
    }

    @Test
    void aDocumentBuiltWithTheGeneratedTypesIsValid() throws Exception {
        var request = new EntradaAddAsistenciaSige();
        var record = new RecordAsistenciaSige();
        record.setAnioEscolar(2026);
        record.setRBD(12345);
        record.setCodigoTipoEnsenanza(110);
        record.setCodigoGrado(1);
        record.setFechaAsistencia(LocalDate.of(2026, 3, 2));
        var course = new Curso();
        course.setLetraCurso("A");
        course.setPresentes(new ListaRun());
        course.setAusentes(new ListaRun());
        record.setCursos(new Cursos());
        record.getCursos().getCurso().add(course);
        request.setRecordAsistenciaSige(record);
        request.setSemilla("abc");
        DOMResult result = new DOMResult();

        SigeSchemas.jaxbContext().createMarshaller().marshal(request, result);

        Document document = (Document) result.getNode();
        SigeSchemas.schema(SigePort.ASISTENCIA_SIGE).newValidator().validate(new DOMSource(document));
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(SigeNamespaces.DIDO);
    }

    @Test
    void aDocumentInTheOtherNamespaceWithUnqualifiedChildrenMovesToTheCanonicalOne() throws Exception {
        Element root = parse("""
                <EntradaSemillaServicios xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://dido.mineduc.cl/Archivos/Schemas/ x.xsd"
                    xmlns:d="http://dido.mineduc.cl/Archivos/Schemas/">
                  <d:ClienteId xsi:type="xsd:int">3</d:ClienteId>
                  <ConvenioId>4</ConvenioId>
                  <ConvenioToken><![CDATA[TEST]]></ConvenioToken>
                </EntradaSemillaServicios>
                """);

        Document moved = SigeNamespaces.withNamespace(root, SigeNamespaces.WWWFS);

        SigeSchemas.schema(SigePort.SEMILLA_SERVICIOS).newValidator().validate(new DOMSource(moved));
        var request = (EntradaSemillaServicios)
                SigeSchemas.jaxbContext().createUnmarshaller().unmarshal(moved);
        assertThat(request.getClienteId()).isEqualTo(3);
        assertThat(request.getConvenioToken()).isEqualTo("TEST");
    }

    @Test
    void anElementInAForeignNamespaceIsRefused() throws Exception {
        Element root = parse("""
                <s:EntradaSemillaServicios xmlns:s="http://wwwfs.mineduc.cl/Archivos/Schemas/">
                  <x:ClienteId xmlns:x="http://example.com/">3</x:ClienteId>
                </s:EntradaSemillaServicios>
                """);

        assertThatThrownBy(() -> SigeNamespaces.withNamespace(root, SigeNamespaces.WWWFS))
                .isInstanceOf(SigeNamespaces.ForeignNamespaceException.class)
                .hasMessageContaining("http://example.com/");
    }

    @Test
    void datesWithATimeZoneAreReadAsTheirCalendarDay() {
        var adapter = new LocalDateAdapter();

        assertThat(adapter.unmarshal("2026-03-02Z")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(adapter.unmarshal(" 2026-03-02-03:00 ")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(adapter.marshal(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-02");
    }

    @Test
    void operationsAreFoundByTheirRequestElement() {
        assertThat(SigeOperation.forRequestElement("EntradaGetReporteEnvioAsistenciaSige"))
                .contains(SigeOperation.GET_REPORTE_ENVIO_ASISTENCIA);
        assertThat(SigeOperation.forRequestElement("Nada")).isEmpty();
        assertThat(SigePort.named("ValidaAlumnoSigeSoapPort")).contains(SigePort.VALIDA_ALUMNO_SIGE);
    }

    private static Element parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
        } catch (SAXException e) {
            throw new AssertionError("Test document is not well-formed", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SigeContractUnitTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
