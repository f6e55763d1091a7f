package cl.aula.sige.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the simulator on a random port and talks to it over real HTTP, as Aula and vendor clients
 * do. Every integration test class extends this one so that they share one Spring context; the
 * simulator is reset before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SimulatorIntegrationTestBase {

    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @BeforeEach
    void resetSimulator() throws Exception {
        assertThat(post("/admin/reset", "").statusCode()).isEqualTo(204);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** POSTs a SOAP envelope as vendor clients did: text/xml, UTF-8, a SOAPAction of no meaning. */
    protected HttpResponse<String> soap(String portName, String envelope) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/WsApiMineduc/services/" + portName))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "http://api.soap.website.com/WSDL_SERVICE/GetShirtInfo")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE());
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    protected JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** PUTs and expects 204, as every setter of the control API answers. */
    protected void putOk(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = put(path, json);
        assertThat(response.statusCode())
                .as("PUT %s: %s", path, response.body())
                .isEqualTo(204);
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Parses an answer, namespace-aware. */
    protected static Document xml(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The text of the first element with this local name, in any namespace. */
    protected static String text(String answer, String localName) throws Exception {
        NodeList found = xml(answer).getElementsByTagNameNS("*", localName);
        assertThat(found.getLength()).as("<%s> in %s", localName, answer).isPositive();
        return found.item(0).getTextContent();
    }

    /** The texts of every element with this local name, in any namespace. */
    protected static List<String> texts(String answer, String localName) throws Exception {
        NodeList found = xml(answer).getElementsByTagNameNS("*", localName);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }

    /** The first element of the SOAP body. */
    protected static Element bodyPayload(String answer) throws Exception {
        Element body = (Element) xml(answer)
                .getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body")
                .item(0);
        for (var node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("Empty SOAP body: " + answer);
    }
}
