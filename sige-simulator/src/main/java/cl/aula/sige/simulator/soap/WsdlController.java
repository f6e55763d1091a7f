package cl.aula.sige.simulator.soap;

import cl.aula.sige.contract.SigePort;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves each port's WSDL at {@code /WsApiMineduc/wsdl/<Port>.wsdl}, with the address of this
 * simulator in it, and the XSDs it imports at {@code /WsApiMineduc/xsd/<Name>.xsd}.
 */
@RestController
class WsdlController {

    private static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
    private static final Pattern ADDRESS = Pattern.compile("(<soap:address location=\")[^\"]*(\")");
    private static final Set<String> SCHEMAS = Set.of("SemillaServicios", "AsistenciaSige", "ValidaAlumnoSige");

    @GetMapping("/WsApiMineduc/wsdl/{portName}.wsdl")
    ResponseEntity<String> wsdl(@PathVariable String portName, HttpServletRequest request) throws IOException {
        Optional<SigePort> port = SigePort.named(portName);
        if (port.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String baseUrl =
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        String address = baseUrl + port.get().servicePath();
        String wsdl = ADDRESS.matcher(resource(port.get().wsdlResource()))
                .replaceFirst("$1" + Matcher.quoteReplacement(address) + "$2");
        return ResponseEntity.ok().contentType(TEXT_XML).body(wsdl);
    }

    @GetMapping("/WsApiMineduc/xsd/{name}.xsd")
    ResponseEntity<String> xsd(@PathVariable String name) throws IOException {
        if (!SCHEMAS.contains(name)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(TEXT_XML).body(resource("xsd/" + name + ".xsd"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WsdlController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing " + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
