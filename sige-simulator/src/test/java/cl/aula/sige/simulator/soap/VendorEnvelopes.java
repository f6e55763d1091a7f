package cl.aula.sige.simulator.soap;

/**
 * SOAP envelopes written by hand in the shapes public vendor clients sent to SIGE: a SoapUI-style
 * template with the {@code sch} prefix and an empty header, documents with a default namespace and
 * an {@code xsi:schemaLocation}, either schema namespace on any document, {@code Semilla} last, the
 * RBD without its check digit. Placeholders are filled with {@link String#formatted}.
 */
final class VendorEnvelopes {

    static final String WWWFS = "http://wwwfs.mineduc.cl/Archivos/Schemas/";
    static final String DIDO = "http://dido.mineduc.cl/Archivos/Schemas/";

    private VendorEnvelopes() {}

    /** A cURL client's session request: prefix {@code sch}, empty header. */
    static String semilla(String namespace, int clientId, int agreementId, String token) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sch="%s">
                   <soapenv:Header/>
                   <soapenv:Body>
                      <sch:EntradaSemillaServicios>
                         <sch:ClienteId>%d</sch:ClienteId>
                         <sch:ConvenioId>%d</sch:ConvenioId>
                         <sch:ConvenioToken>%s</sch:ConvenioToken>
                      </sch:EntradaSemillaServicios>
                   </soapenv:Body>
                </soapenv:Envelope>""".formatted(namespace, clientId, agreementId, token);
    }

    /**
     * A cURL client's attendance: one course, RUNs as {@code <sch:Run>} elements (see
     * {@code SigeScene.runXml}), the SoapUI comment left in, Semilla after the record.
     */
    static String addAsistencia(
            String namespace, int rbd, String date, String letter, String presentes, String ausentes, String semilla) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sch="%s">
                   <soapenv:Header/>
                   <soapenv:Body>
                      <sch:EntradaAddAsistenciaSige>
                         <sch:RecordAsistenciaSige>
                            <sch:AnioEscolar>%s</sch:AnioEscolar>
                            <sch:RBD>%d</sch:RBD>
                            <sch:CodigoTipoEnsenanza>110</sch:CodigoTipoEnsenanza>
                            <sch:CodigoGrado>1</sch:CodigoGrado>
                            <sch:FechaAsistencia>%s</sch:FechaAsistencia>
                            <sch:Cursos>
                               <!--1 or more repetitions:-->
                               <sch:Curso>
                                  <sch:LetraCurso>%s</sch:LetraCurso>
                                 \t<sch:Presentes>%s</sch:Presentes>
                \t\t\t\t\t<sch:Ausentes>%s</sch:Ausentes>\s
                               </sch:Curso>
                            </sch:Cursos>
                         </sch:RecordAsistenciaSige>
                         <sch:Semilla>%s</sch:Semilla>
                      </sch:EntradaAddAsistenciaSige>
                   </soapenv:Body>
                </soapenv:Envelope>""".formatted(namespace, date.substring(0, 4), rbd, date, letter, presentes, ausentes, semilla);
    }

    /** An attendance with an empty Cursos. */
    static String addAsistenciaWithoutCourses(String namespace, int rbd, String date, String semilla) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sch="%s">
                   <soapenv:Body>
                      <sch:EntradaAddAsistenciaSige>
                         <sch:RecordAsistenciaSige>
                            <sch:AnioEscolar>2026</sch:AnioEscolar>
                            <sch:RBD>%d</sch:RBD>
                            <sch:CodigoTipoEnsenanza>110</sch:CodigoTipoEnsenanza>
                            <sch:CodigoGrado>1</sch:CodigoGrado>
                            <sch:FechaAsistencia>%s</sch:FechaAsistencia>
                            <sch:Cursos/>
                         </sch:RecordAsistenciaSige>
                         <sch:Semilla>%s</sch:Semilla>
                      </sch:EntradaAddAsistenciaSige>
                   </soapenv:Body>
                </soapenv:Envelope>""".formatted(namespace, rbd, date, semilla);
    }

    /** An attendance whose sender forgot the Semilla. */
    static String addAsistenciaWithoutSemilla(String namespace, int rbd, String date, String presentes) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sch="%s">
                   <soapenv:Body>
                      <sch:EntradaAddAsistenciaSige>
                         <sch:RecordAsistenciaSige>
                            <sch:AnioEscolar>2026</sch:AnioEscolar>
                            <sch:RBD>%d</sch:RBD>
                            <sch:CodigoTipoEnsenanza>110</sch:CodigoTipoEnsenanza>
                            <sch:CodigoGrado>1</sch:CodigoGrado>
                            <sch:FechaAsistencia>%s</sch:FechaAsistencia>
                            <sch:Cursos><sch:Curso><sch:LetraCurso>A</sch:LetraCurso>
                               <sch:Presentes>%s</sch:Presentes><sch:Ausentes/></sch:Curso></sch:Cursos>
                         </sch:RecordAsistenciaSige>
                      </sch:EntradaAddAsistenciaSige>
                   </soapenv:Body>
                </soapenv:Envelope>""".formatted(namespace, rbd, date, presentes);
    }

    /** A 4D client's report request: the document built with a default namespace, no prefixes. */
    static String reporte(String namespace, int rbd, String submissionCode, String semilla) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
                <SOAP-ENV:Body>
                <EntradaGetReporteEnvioAsistenciaSige xmlns="%s">
                <RBD>%d</RBD>
                <CodigoEnvioAsistencia>%s</CodigoEnvioAsistencia>
                <Semilla>%s</Semilla>
                </EntradaGetReporteEnvioAsistenciaSige>
                </SOAP-ENV:Body>
                </SOAP-ENV:Envelope>""".formatted(namespace, rbd, submissionCode, semilla);
    }

    /** A nusoap client's student check: default namespace with an xsi:schemaLocation, DV as sent. */
    static String validacion(String namespace, int numero, String dv, String semilla) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                <soapenv:Body>
                <EntradaValidaAlumnoSige xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                \txsi:schemaLocation="http:wwwfs.mineduc.cl/Archivos/Schemas/EntradaValidaAlumnoSige.xsd" xmlns="%s" >
                \t\t\t<Run>
                \t\t\t<numero>%d</numero>
                \t\t\t<dv>%s</dv>
                \t\t\t</Run>
                \t\t\t<Nombres>JOSEFINA ANDREA</Nombres>
                \t\t\t<ApellidoPaterno>MUÑOZ</ApellidoPaterno>
                \t\t\t<ApellidoMaterno></ApellidoMaterno>
                \t\t\t<Semilla>%s</Semilla>
                \t\t</EntradaValidaAlumnoSige>
                </soapenv:Body>
                </soapenv:Envelope>""".formatted(namespace, numero, dv, semilla);
    }
}
