package cl.aula.sige;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SIGE simulator's JSON control API (API.md), used to set the demo's scene and by tests to look
 * behind SIGE. Never used against the real SIGE, which has no such API.
 */
public class SimulatorControl {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SimulatorControl(String baseUrl) {
        this.base = baseUrl.replaceAll("/+$", "");
    }

    /** A student SIGE believes enrolled in a course of the school. */
    public record Enrolled(
            int runNumber,
            char dv,
            int teachingTypeCode,
            int gradeCode,
            String letter,
            LocalDate enrolledOn,
            LocalDate withdrawnOn) {}

    public boolean isUp() {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/admin/health"))
                                    .GET())
                            .statusCode()
                    == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public void putAgreement(int agreementId, int clientId, String token, List<Integer> rbds) {
        put("/admin/agreements/" + agreementId, Map.of("clientId", clientId, "token", token, "rbds", rbds));
    }

    public void putEnrollment(int rbd, List<Enrolled> students) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (Enrolled student : students) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", Map.of("numero", student.runNumber(), "dv", String.valueOf(student.dv())));
            row.put("teachingTypeCode", student.teachingTypeCode());
            row.put("gradeCode", student.gradeCode());
            row.put("letter", student.letter());
            row.put("enrolledOn", student.enrolledOn().toString());
            row.put(
                    "withdrawnOn",
                    student.withdrawnOn() == null ? null : student.withdrawnOn().toString());
            body.add(row);
        }
        put("/admin/schools/" + rbd + "/enrollment", body);
    }

    public void putFaults(Map<String, Object> faults) {
        put("/admin/faults", faults);
    }

    public void putDeclarationPeriod(String month, String closesAt) {
        put("/admin/declaration-periods/" + month, Map.of("closesAt", closesAt));
    }

    public void fixClock(Instant now) {
        put("/admin/clock", Map.of("now", now.toString()));
    }

    public void releaseClock() {
        check(send(HttpRequest.newBuilder(URI.create(base + "/admin/clock")).DELETE()));
    }

    public void reset() {
        check(send(
                HttpRequest.newBuilder(URI.create(base + "/admin/reset")).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** What SIGE holds for the school and day, as the simulator answers it. */
    public JsonNode attendance(int rbd, LocalDate date) {
        return get("/admin/attendance?rbd=" + rbd + "&date=" + date);
    }

    public JsonNode stats() {
        return get("/admin/stats");
    }

    private JsonNode get(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        check(response);
        return JSON.readTree(response.body());
    }

    private void put(String path, Object body) {
        check(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("the simulator answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the simulator at " + base + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the simulator", e);
        }
    }
}
