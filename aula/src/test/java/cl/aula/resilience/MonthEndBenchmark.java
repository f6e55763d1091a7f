package cl.aula.resilience;

import cl.aula.common.Run;
import cl.aula.resilience.MonthOfAttendance.GeneratedSchool;
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
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.ws.client.core.WebServiceTemplate;
import org.springframework.ws.transport.http.JdkHttpClientMessageSender;
import tools.jackson.databind.JsonNode;

/**
 * The month-end rush: every school sends its month at once. Not part of the test suite; run it with
 * {@code scripts/bench-month-end.sh} (figures and command in docs/RESILIENCE.md).
 *
 * <ol>
 *   <li>Aula (its runnable jar, {@code -Xmx1g}, 16 job threads, production settings except that the
 *       first report is asked after 1 s instead of 30 s, since the simulator processes at once) on a
 *       PostgreSQL with fsync on, against the simulator with no injected delay: one sync per school
 *       for its whole month, measured from the first request to the last submission final.
 *   <li>The ceiling, in the same run: the same SOAP calls (a semilla per agreement, addAsistencia and
 *       getReporteEnvioAsistencia for every grade-day) made by a plain loop on as many threads, with
 *       nothing stored.
 *   <li>Fairness when SIGE is rate-limited: the simulator answers code 5 beyond a number of calls per
 *       second, every school sends some days again, and each school's wait (its sync asked to its last
 *       submission final) is compared with the average.
 * </ol>
 *
 * Arguments, all optional: {@code schools=200 grades=6 days=20 students=30 rateLimit=150 fairnessDays=5
 * fsync=true}; {@code fairnessDays=0} skips the fairness run.
 */
public final class MonthEndBenchmark {

    private static final int CLIENT_THREADS = 8;
    private static final int CEILING_THREADS = 16;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int schools = Integer.parseInt(options.getOrDefault("schools", "200"));
        int grades = Integer.parseInt(options.getOrDefault("grades", "6"));
        int days = Integer.parseInt(options.getOrDefault("days", "20"));
        int students = Integer.parseInt(options.getOrDefault("students", "30"));
        int rateLimit = Integer.parseInt(options.getOrDefault("rateLimit", "150"));
        int fairnessDays = Integer.parseInt(options.getOrDefault("fairnessDays", "5"));
        boolean fsync = Boolean.parseBoolean(options.getOrDefault("fsync", "true"));
        MonthOfAttendance.Plan plan = new MonthOfAttendance.Plan(schools, grades, days, students);

        try (ResilienceScene scene = ResilienceScene.start("bench-month-end", fsync, "1g")) {
            scene.report("month-end benchmark " + String.join(" ", args) + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version")
                    + ", started "
                    + Instant.now());
            scene.sige().putFaults(Map.of("processingDelayMs", 0, "processingDelayPerQueuedMs", 0));
            AulaProcess aula = startAula(scene, "aula");
            Instant generating = Instant.now();
            MonthOfAttendance month = scene.prepare(plan, aula);
            scene.report("generated " + month.submissions() + " grade-days (" + schools + " schools x " + grades
                    + " grades x " + month.days().size() + " days, " + students + " students per course) and "
                    + "registered the agreements in "
                    + Duration.between(generating, Instant.now()).toSeconds() + " s");

            // A short warm-up of the simulator, so that neither measured run pays for its JIT.
            ceiling(scene, month, month.schools().subList(0, Math.min(5, schools)));

            measureAula(scene, aula, month);
            if (Boolean.getBoolean("bench.jfr")) {
                aula.stop(); // the flight recording is written on a graceful exit only
            } else {
                aula.kill();
            }
            scene.report("SIGE holds exactly the book for every school, day and course: "
                    + month.differencesFromSige(scene.sige()).isEmpty());

            long[] ceiling = ceiling(scene, month, month.schools());
            double ceilingRate = month.submissions() * 1000.0 / ceiling[0];
            scene.report(String.format(
                    "ceiling (plain loop, %d threads, same SOAP calls, nothing stored): %d submissions in %.1f s ="
                            + " %.0f submissions/s (%d SOAP calls)",
                    CEILING_THREADS, month.submissions(), ceiling[0] / 1000.0, ceilingRate, ceiling[1]));

            if (fairnessDays > 0) {
                measureFairness(scene, month, rateLimit, fairnessDays);
            }
        }
    }

    private static AulaProcess startAula(ResilienceScene scene, String name) {
        // The GC log tells the heap's peak at no cost; jstat once a second cost the 2-core machine a JVM start.
        List<String> jvm = new ArrayList<>(
                List.of("-Xmx1g", "-Xlog:gc:file=" + scene.folder().resolve(name + "-gc.log")));
        if (Boolean.getBoolean("bench.jfr")) {
            // -Dbench.jfr=true: a flight recording of Aula beside the report, to see where its time goes.
            jvm.add("-XX:StartFlightRecording=filename=" + scene.folder().resolve(name + ".jfr") + ",settings=profile");
        }
        return scene.instance(
                        name,
                        jvm,
                        Map.of(
                                // Production timings, except the first report: the simulator processes at once.
                                "aula.jobs.polling-interval", "2s",
                                "aula.jobs.heartbeat-interval", "10s",
                                "aula.sige.poll.initial", "1s",
                                "aula.sige.poll.max", "20m",
                                "aula.sige.retry.initial", "10s",
                                "aula.sige.retry.max", "15m",
                                "aula.sige.breaker.open-for", "30s",
                                "aula.sige.read-timeout", "60s"))
                .start(ResilienceScene.STARTUP);
    }

    private static void measureAula(ResilienceScene scene, AulaProcess aula, MonthOfAttendance month) throws Exception {
        SubmissionLedger ledger = scene.ledger();
        JsonNode before = scene.sige().stats();
        Sampler sampler = new Sampler(aula, scene);
        sampler.start();
        AulaSession director = scene.director(aula);
        Instant started = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<Long>> syncs = new ArrayList<>();
        for (GeneratedSchool school : month.schools()) {
            syncs.add(clients.submit(() -> month.requestMonth(director, school)));
        }
        for (Future<Long> sync : syncs) {
            sync.get();
        }
        clients.shutdown();
        Instant accepted = Instant.now();
        boolean finished = ledger.awaitAllFinal(month.submissions(), Duration.ofMinutes(60));
        sampler.stop();
        Instant[] span = ledger.span();
        Instant lastSent = lastSent(ledger);
        double seconds = Duration.between(started, span[1]).toMillis() / 1000.0;
        scene.report(String.format(
                "Aula: %d syncs accepted in %.1f s; %d submissions all final %s: last accepted by SIGE after %.1f s,"
                        + " last final after %.1f s = %.0f submissions/s through the whole path; states %s",
                month.schools().size(),
                Duration.between(started, accepted).toMillis() / 1000.0,
                month.submissions(),
                finished,
                Duration.between(started, lastSent).toMillis() / 1000.0,
                seconds,
                month.submissions() / seconds,
                ledger.states()));
        scene.report("Aula's memory (-Xmx1g): peak RSS " + sampler.peakRssMib() + " MiB, peak heap used "
                + peakHeapMib(scene.folder().resolve(aula.name() + "-gc.log"))
                + " MiB (before a collection, from the GC log); SOAP calls SIGE saw during the run "
                + delta(before, scene.sige().stats())
                + "; Aula's recorded calls " + ledger.attempts());
        scene.report("progress (seconds from the first request: submissions final): " + sampler.progress()
                + "; machine load average during the run " + sampler.load() + " (2 cores; other builds run here)");
    }

    private static Instant lastSent(SubmissionLedger ledger) {
        Instant[] last = new Instant[1];
        ledger.query(
                "select max(at) from sige_attempt where operation = 'addAsistencia' and outcome = 'OK'",
                rs -> last[0] = rs.getTimestamp(1).toInstant());
        return last[0];
    }

    /**
     * The same SOAP calls Aula makes, by a plain loop: a semilla per agreement, every addAsistencia,
     * then every report until processed. Answers the milliseconds taken and the calls made.
     */
    private static long[] ceiling(ResilienceScene scene, MonthOfAttendance month, List<GeneratedSchool> schools)
            throws Exception {
        WebServiceTemplate soap = soapClient();
        String base = scene.sigeUrl() + "/WsApiMineduc/services/";
        Map<Integer, String> semillas = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Object[]> work = new ConcurrentLinkedQueue<>();
        for (GeneratedSchool school : schools) {
            for (LocalDate day : month.days()) {
                for (int grade = 1; grade <= month.plan().grades(); grade++) {
                    work.add(new Object[] {school, day, grade});
                }
            }
        }
        int total = work.size();
        AtomicLong calls = new AtomicLong();
        ConcurrentLinkedQueue<Object[]> sent = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        runOnThreads(() -> {
            for (Object[] item = work.poll(); item != null; item = work.poll()) {
                GeneratedSchool school = (GeneratedSchool) item[0];
                String semilla = semillas.computeIfAbsent(school.agreementId(), id -> {
                    calls.incrementAndGet();
                    EntradaSemillaServicios request = new EntradaSemillaServicios();
                    request.setClienteId(MonthOfAttendance.CLIENT_ID);
                    request.setConvenioId(school.agreementId());
                    request.setConvenioToken(school.token());
                    return ((SemillaServicios) soap.marshalSendAndReceive(base + "SemillaServiciosSoapPort", request))
                            .getValorSemilla();
                });
                EntradaAddAsistenciaSige request = new EntradaAddAsistenciaSige();
                request.setRecordAsistenciaSige(record(month, school, (LocalDate) item[1], (Integer) item[2]));
                request.setSemilla(semilla);
                SalidaAddAsistenciaSige answer =
                        (SalidaAddAsistenciaSige) soap.marshalSendAndReceive(base + "AsistenciaSigeSoapPort", request);
                calls.incrementAndGet();
                if (answer.getCodigoRespuestaAsistencia() != 1) {
                    throw new IllegalStateException(
                            "the ceiling loop was refused: " + answer.getCodigoRespuestaAsistencia());
                }
                sent.add(new Object[] {school, answer.getCodigoEnvioAsistencia(), semilla});
            }
        });
        runOnThreads(() -> {
            for (Object[] item = sent.poll(); item != null; item = sent.poll()) {
                EntradaGetReporteEnvioAsistenciaSige request = new EntradaGetReporteEnvioAsistenciaSige();
                request.setRBD(((GeneratedSchool) item[0]).rbd());
                request.setCodigoEnvioAsistencia((String) item[1]);
                request.setSemilla((String) item[2]);
                int code;
                do {
                    code = ((SalidaGetReporteEnvioAsistenciaSige)
                                    soap.marshalSendAndReceive(base + "AsistenciaSigeSoapPort", request))
                            .getCodigoRespuestaReporteEnvioAsistencia();
                    calls.incrementAndGet();
                } while (code == 0);
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (sent.size() + total == 0) {
            throw new IllegalStateException("nothing was sent");
        }
        return new long[] {millis, calls.get()};
    }

    private static void runOnThreads(Runnable loop) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CEILING_THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CEILING_THREADS; i++) {
            running.add(threads.submit(loop));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        threads.shutdown();
    }

    /** The same document Aula builds for a grade-day: every student of the course, present or absent. */
    private static RecordAsistenciaSige record(
            MonthOfAttendance month, GeneratedSchool school, LocalDate day, int grade) {
        RecordAsistenciaSige record = new RecordAsistenciaSige();
        record.setAnioEscolar(day.getYear());
        record.setRBD(school.rbd());
        record.setCodigoTipoEnsenanza(110);
        record.setCodigoGrado(grade);
        record.setFechaAsistencia(day);
        Curso curso = new Curso();
        curso.setLetraCurso("A");
        ListaRun present = new ListaRun();
        ListaRun absent = new ListaRun();
        for (int n = 1; n <= month.plan().studentsPerCourse(); n++) {
            int number = MonthOfAttendance.run(school.index(), grade, n);
            cl.mineduc.dido.archivos.schemas.Run run = new cl.mineduc.dido.archivos.schemas.Run();
            run.setNumero(number);
            run.setDv(String.valueOf(Run.checkDigitOf(number)));
            (MonthOfAttendance.absent(number, day) ? absent : present).getRun().add(run);
        }
        curso.setPresentes(present);
        curso.setAusentes(absent);
        Cursos cursos = new Cursos();
        cursos.getCurso().add(curso);
        record.setCursos(cursos);
        return record;
    }

    /** Configured as Aula's client is: JAXB over the JDK HTTP client, HTTP/1.1. */
    private static WebServiceTemplate soapClient() throws Exception {
        Jaxb2Marshaller marshaller = new Jaxb2Marshaller();
        marshaller.setPackagesToScan("cl.mineduc.dido.archivos.schemas", "cl.mineduc.wwwfs.archivos.schemas");
        marshaller.afterPropertiesSet();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkHttpClientMessageSender sender = new JdkHttpClientMessageSender(http);
        sender.setRequestTimeout(Duration.ofSeconds(60));
        WebServiceTemplate soap = new WebServiceTemplate(marshaller);
        soap.setMessageSender(sender);
        return soap;
    }

    /**
     * Every school sends some days again while SIGE answers code 5 beyond a number of calls a second.
     * A school's wait runs from its sync's request to its last submission final.
     */
    private static void measureFairness(ResilienceScene scene, MonthOfAttendance month, int rateLimit, int days)
            throws Exception {
        AulaProcess aula = startAula(scene, "aula-fairness");
        long lastSync = maxSyncId(scene);
        scene.sige()
                .putFaults(Map.of(
                        "processingDelayMs", 0, "processingDelayPerQueuedMs", 0, "maxCallsPerSecond", rateLimit));
        JsonNode before = scene.sige().stats();
        AulaSession director = scene.director(aula);
        List<LocalDate> resent =
                month.days().subList(0, Math.min(days, month.days().size()));
        int expected = month.schools().size() * month.plan().grades() * resent.size();
        Instant started = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<Long>> syncs = new ArrayList<>();
        for (GeneratedSchool school : month.schools()) {
            syncs.add(clients.submit(
                    () -> month.requestSync(director, school, resent.get(0), resent.get(resent.size() - 1))));
        }
        for (Future<Long> sync : syncs) {
            sync.get();
        }
        clients.shutdown();
        SubmissionLedger ledger = scene.ledger();
        boolean finished = ledger.awaitAllFinal(month.submissions() + expected, Duration.ofMinutes(90));
        List<Long> waits = new ArrayList<>();
        String waitPerSync = """
                select extract(epoch from max(s.final_at) - y.requested_at) * 1000 from sige_sync y
                join sige_submission s on s.sync_id = y.id where y.id > %d group by y.id, y.requested_at""";
        ledger.query(waitPerSync.formatted(lastSync), rs -> waits.add(rs.getLong(1)));
        Collections.sort(waits);
        double average = waits.stream().mapToLong(Long::longValue).average().orElse(0);
        long max = waits.get(waits.size() - 1);
        scene.report(String.format(
                "fairness with SIGE limited to %d calls/s: %d schools x %d days = %d submissions, all final %s after"
                        + " %.0f s; wait per school: average %.1f s, median %.1f s, 90th percentile %.1f s, max %.1f s"
                        + " (max/average %.2f, min %.1f s); breaker transitions %d; calls SIGE saw %s; states %s",
                rateLimit,
                month.schools().size(),
                resent.size(),
                expected,
                finished,
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                average / 1000,
                waits.get(waits.size() / 2) / 1000.0,
                waits.get((int) (waits.size() * 0.9)) / 1000.0,
                max / 1000.0,
                max / average,
                waits.get(0) / 1000.0,
                ChildProcesses.countLines(aula.log(), "SIGE circuit breaker"),
                delta(before, scene.sige().stats()),
                ledger.states()));
        aula.kill();
    }

    private static long maxSyncId(ResilienceScene scene) {
        long[] id = new long[1];
        scene.ledger().query("select coalesce(max(id), 0) from sige_sync", rs -> id[0] = rs.getLong(1));
        return id[0];
    }

    /** Calls per operation and answer code between two readings of the simulator's statistics. */
    private static Map<String, Long> delta(JsonNode before, JsonNode after) {
        Map<String, Long> delta = new TreeMap<>();
        after.get("operations")
                .properties()
                .forEach(operation -> operation
                        .getValue()
                        .get("codes")
                        .properties()
                        .forEach(code -> {
                            long earlier = before.path("operations")
                                    .path(operation.getKey())
                                    .path("codes")
                                    .path(code.getKey())
                                    .asLong(0);
                            long calls = code.getValue().asLong() - earlier;
                            if (calls > 0) {
                                delta.put(operation.getKey() + " " + code.getKey(), calls);
                            }
                        }));
        return delta;
    }

    /** The most heap in use before a collection, in MiB, from lines such as "GC(7) Pause Young ... 180M->41M(256M)". */
    private static long peakHeapMib(java.nio.file.Path gcLog) {
        java.util.regex.Pattern collection = java.util.regex.Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
        try (var lines = java.nio.file.Files.lines(gcLog)) {
            return lines.map(collection::matcher)
                    .filter(java.util.regex.Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .max()
                    .orElse(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length == 2) {
                options.put(pair[0], pair[1]);
            }
        }
        return options;
    }

    /** Samples, every second, Aula's resident memory and heap, and how many submissions are final. */
    private static final class Sampler implements Runnable {

        private final AulaProcess aula;
        private final ResilienceScene scene;
        private final Instant started = Instant.now();
        private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;
        private volatile long peakRssKib;
        private final List<Double> load = Collections.synchronizedList(new ArrayList<>());
        private Thread thread;

        Sampler(AulaProcess aula, ResilienceScene scene) {
            this.aula = aula;
            this.scene = scene;
        }

        void start() {
            thread = new Thread(this, "sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            // A connection of its own: the main thread's is busy with its own queries.
            SubmissionLedger ledger = new SubmissionLedger(scene.newConnection());
            int tick = 0;
            while (running) {
                peakRssKib = Math.max(peakRssKib, aula.residentKib()[0]);
                load.add(loadAverage());
                if (tick++ % 5 == 0) {
                    Map<String, Long> states = ledger.states();
                    long done = states.getOrDefault("SYNCED", 0L)
                            + states.getOrDefault("SYNCED_WITH_OBSERVATIONS", 0L)
                            + states.getOrDefault("REJECTED", 0L)
                            + states.getOrDefault("FAILED", 0L);
                    progress.add(Duration.between(started, Instant.now()).toSeconds() + ":" + done);
                }
                Pause.of(Duration.ofSeconds(1));
            }
        }

        long peakRssMib() {
            return Math.max(peakRssKib, aula.residentKib()[1]) / 1024;
        }

        /** The machine's one-minute load average over the run: other work on the machine skews the figures. */
        String load() {
            synchronized (load) {
                return String.format(
                        "%.1f on average, %.1f at most",
                        load.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        load.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
        }

        static double loadAverage() {
            try {
                return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .split(" ")[0]);
            } catch (Exception e) {
                return -1;
            }
        }

        String progress() {
            return String.join(" ", progress);
        }
    }
}
