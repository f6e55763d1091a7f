package cl.aula.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The submissions the simulator accepted for a school ({@code GET /admin/submissions?rbd=}). */
final class SigeSubmissions {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Accepted(String code, int rbd, LocalDate date, int gradeCode, Instant acceptedAt) {}

    private SigeSubmissions() {}

    static List<Accepted> of(String simulatorUrl, int rbd) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(simulatorUrl + "/admin/submissions?rbd=" + rbd))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Accepted> accepted = new ArrayList<>();
            for (JsonNode submission : JSON.readTree(response.body())) {
                accepted.add(new Accepted(
                        submission.get("submissionCode").asString(),
                        submission.get("rbd").asInt(),
                        LocalDate.parse(submission.get("date").asString()),
                        submission.get("gradeCode").asInt(),
                        Instant.parse(submission.get("acceptedAt").asString())));
            }
            return accepted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
