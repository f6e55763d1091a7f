package cl.aula.bench;

import cl.aula.AulaApplication;
import cl.aula.attendance.TakingAttendance;
import cl.aula.attendance.Timetable;
import cl.aula.common.Run;
import cl.aula.directory.Course;
import cl.aula.directory.DirectoryRecords;
import cl.aula.directory.IdentifierType;
import cl.aula.directory.School;
import cl.aula.directory.SchoolYear;
import cl.aula.security.Role;
import cl.aula.security.StaffAccounts;
import cl.aula.security.StaffPrincipal;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Recording 40-student registers through {@code PUT /api/v1/courses/{id}/attendance/{date}/{hour}} with
 * 32 concurrent clients, against the same inserts done with plain JDBC by 32 threads (the ceiling), and
 * the monthly Control de Subvenciones of a 45-student course. Not part of the test suite: run it with
 * the command in docs/BENCHMARKS-attendance.md. It starts Aula in this JVM on a fresh embedded
 * PostgreSQL (fsync on, as in production) under target/bench-data, and only talks to localhost.
 */
public final class AttendanceBenchmark {

    static final int CLIENTS = 32;
    static final int STUDENTS = 40;
    static final int WARMUP = 3_000;
    static final int MEASURED = 6_000;
    static final int PACED_RATE = 300;
    static final int PACED = 4_500;
    static final int GRID_STUDENTS = 45;
    static final int GRID_REQUESTS = 300;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target", "bench-data");
        deleteRecursively(data);
        Cpu.postmasterPid = data.resolve("postgres").resolve("postmaster.pid");
        List<String> settings = new ArrayList<>(List.of(
                "--server.port=0",
                "--aula.data-dir=" + data,
                "--aula.embedded-db.clean=false",
                "--aula.demo.enabled=false",
                "--aula.sige.url=http://127.0.0.1:9",
                "--logging.level.root=WARN",
                "--logging.level.cl.aula=WARN"));
        // Arguments after the phases are Spring settings, to compare configurations: --server.tomcat.threads.max=8
        settings.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        ConfigurableApplicationContext app =
                SpringApplication.run(AulaApplication.class, settings.toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Bench bench = new Bench(app, port, args.length == 0 ? "http,paced,jdbc,grid" : args[0]);
            bench.run();
        } finally {
            app.close();
            System.exit(0);
        }
    }

    /** CPU seconds used so far by this JVM and by the embedded PostgreSQL (postmaster and its backends). */
    record Cpu(double jvm, double postgres) {

        static Path postmasterPid;

        static Cpu now() {
            double jvm = ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1e9;
            return new Cpu(jvm, postgresSeconds());
        }

        /** Linux only: reads /proc; answers 0 elsewhere. */
        private static double postgresSeconds() {
            try {
                String postmaster = Files.readAllLines(postmasterPid).get(0).strip();
                long ticks = 0;
                try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.toList()) {
                        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        String[] stat;
                        try {
                            String text = Files.readString(process.resolve("stat"));
                            stat = text.substring(text.lastIndexOf(')') + 2).split(" ");
                        } catch (IOException gone) {
                            continue;
                        }
                        // Fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
                        boolean isPostmaster = process.getFileName().toString().equals(postmaster);
                        if (isPostmaster) {
                            ticks += Long.parseLong(stat[11])
                                    + Long.parseLong(stat[12])
                                    + Long.parseLong(stat[13])
                                    + Long.parseLong(stat[14]);
                        } else if (stat[1].equals(postmaster)) {
                            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        }
                    }
                }
                return ticks / 100.0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        String perRegister(Cpu before, int count) {
            return String.format(
                    "CPU per register: this JVM %.2f ms, PostgreSQL %.2f ms",
                    (jvm - before.jvm) * 1000 / count, (postgres - before.postgres) * 1000 / count);
        }
    }

    /** One (course, date, hour) slot to record. */
    record Slot(Course course, LocalDate date, int hour, List<Long> students) {}

    static final class Bench {

        private final ConfigurableApplicationContext app;
        private final int port;
        private final DirectoryRecords records;
        private final StaffAccounts accounts;
        private final Timetable timetable;
        private final LocalDate today;
        private final List<String> phases;
        private int nextRun = 30_000_000;

        Bench(ConfigurableApplicationContext app, int port, String phases) {
            this.app = app;
            this.port = port;
            this.phases = List.of(phases.split(","));
            this.records = app.getBean(DirectoryRecords.class);
            this.accounts = app.getBean(StaffAccounts.class);
            this.timetable = app.getBean(Timetable.class);
            this.today = LocalDate.now(app.getBean(Clock.class));
        }

        void run() throws Exception {
            long owner = records.createOwner(new Run(79_000_001, Run.checkDigitOf(79_000_001)), "Sostenedor bench");
            School school = records.createSchool(owner, 88_888, "Escuela de carga", "Municipal", 2);
            SchoolYear year =
                    records.createSchoolYear(school.id(), today.getYear(), today.minusDays(420), today.plusDays(30));
            long teacher = accounts.create("bench", "Docente de carga", "bench");
            accounts.setRole(teacher, school.id(), Role.TEACHER, true, "bench");
            List<LocalDate> weekdays = new ArrayList<>();
            for (LocalDate d = year.startsOn(); !d.isAfter(today); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                    weekdays.add(d);
                }
            }
            int slotsPerCourse = weekdays.size() * 6;
            System.out.printf(
                    "Fixture: %d weekdays, %d slots per course, %d-student courses%n",
                    weekdays.size(), slotsPerCourse, STUDENTS);
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(signedIn("bench", "bench"));
            }

            // Both ways are warmed up first and measured one after the other, so that they meet a table of
            // about the same size and the same autovacuum weather.
            String url = ((HikariDataSource) app.getBean(DataSource.class)).getJdbcUrl();
            boolean http = phases.contains("http") || phases.contains("paced");
            if (http) {
                System.out.printf("HTTP warm-up: %s%n", overHttp(clients, slots(year, weekdays, WARMUP, "warm-up"), 0));
            }
            if (phases.contains("jdbc")) {
                System.out.printf(
                        "JDBC warm-up: %s%n", overJdbc(url, slots(year, weekdays, WARMUP, "jdbc-warm"), teacher));
            }
            Result flat = null;
            if (phases.contains("http")) {
                flat = overHttp(clients, slots(year, weekdays, MEASURED, "measured"), 0);
                System.out.printf("HTTP PUT, %d clients, flat out: %s%n", CLIENTS, flat);
            }
            if (phases.contains("jdbc")) {
                Result ceiling = overJdbc(url, slots(year, weekdays, MEASURED, "jdbc"), teacher);
                System.out.printf("Plain JDBC, %d threads (ceiling): %s%n", CLIENTS, ceiling);
                if (flat != null) {
                    System.out.printf("HTTP / JDBC: %.0f%%%n", 100 * flat.rate() / ceiling.rate());
                }
            }
            if (phases.contains("paced")) {
                Result steady = overHttp(clients, slots(year, weekdays, PACED, "paced"), PACED_RATE);
                System.out.printf("HTTP PUT, %d clients, paced at %d/s: %s%n", CLIENTS, PACED_RATE, steady);
            }
            if (phases.contains("grid")) {
                grid(clients.get(0), accounts.loadUserByUsername("bench"));
            }
        }

        private List<Slot> slots(SchoolYear year, List<LocalDate> weekdays, int count, String label) {
            List<Slot> slots = new ArrayList<>();
            while (slots.size() < count) {
                Course course = course(year, STUDENTS);
                List<Long> students = students(course);
                for (LocalDate day : weekdays) {
                    for (int hour = 1; hour <= 6 && slots.size() < count; hour++) {
                        slots.add(new Slot(course, day, hour, students));
                    }
                }
            }
            // Clients write different courses and days at once, as a school's teachers do.
            java.util.Collections.shuffle(slots, new Random(label.hashCode()));
            return slots;
        }

        private final AtomicInteger letters = new AtomicInteger();

        private Course course(SchoolYear year, int size) {
            int n = letters.getAndIncrement();
            String letter = String.valueOf((char) ('A' + n / 26)) + (char) ('A' + n % 26);
            Course course = records.createCourse(year, 110, 1 + n % 8, letter, "Mañana");
            timetable.replace(course.id(), Timetable.standardWeek(6));
            for (int i = 0; i < size; i++) {
                int number = nextRun++;
                long student = records.createStudent(
                        course.schoolId(),
                        "Alumno",
                        "Carga" + number,
                        "",
                        IdentifierType.RUN,
                        new Run(number, Run.checkDigitOf(number)),
                        year.startsOn(),
                        "bench");
                records.enroll(student, course.id(), year.startsOn(), null);
            }
            return course;
        }

        private List<Long> students(Course course) {
            return app.getBean(cl.aula.directory.Directory.class).enrollments(course.id()).stream()
                    .map(cl.aula.directory.Enrollment::studentId)
                    .toList();
        }

        private HttpClient signedIn(String username, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String form = client.send(
                            HttpRequest.newBuilder(uri("/ingresar")).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = CSRF.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> signIn = client.send(
                    HttpRequest.newBuilder(uri("/ingresar"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signIn.statusCode() != 302
                    || signIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in failed: " + signIn.statusCode());
            }
            return client;
        }

        /** Sends every slot with the clients; {@code rate} > 0 paces the total to that many per second. */
        private Result overHttp(List<HttpClient> clients, List<Slot> slots, int rate) throws Exception {
            List<RawHttp> raw = new ArrayList<>();
            for (HttpClient client : clients) {
                raw.add(new RawHttp(port, sessionCookie(client)));
            }
            AtomicInteger next = new AtomicInteger();
            long[] latencies = new long[slots.size()];
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients.size());
            Cpu cpu = Cpu.now();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (RawHttp client : raw) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < slots.size(); i = next.getAndIncrement()) {
                        if (rate > 0) {
                            long due = start + (long) (i * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                sleep(wait);
                            }
                        }
                        Slot slot = slots.get(i);
                        long sent = System.nanoTime();
                        int status = put(client, slot);
                        latencies[i] = System.nanoTime() - sent;
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            System.out.println("  " + Cpu.now().perRegister(cpu, slots.size()));
            for (RawHttp client : raw) {
                client.close();
            }
            return Result.of(slots.size(), elapsed, latencies, failures.get());
        }

        private static String sessionCookie(HttpClient client) {
            CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(c -> "JSESSIONID=" + c.getValue())
                    .findFirst()
                    .orElseThrow();
        }

        private int put(RawHttp client, Slot slot) {
            StringBuilder json = new StringBuilder("{\"marks\":[");
            for (int i = 0; i < slot.students().size(); i++) {
                String status = i % 17 == 3 ? "ABSENT" : i % 23 == 5 ? "LATE" : "PRESENT";
                json.append(i == 0 ? "" : ",")
                        .append("{\"studentId\":")
                        .append(slot.students().get(i))
                        .append(",\"status\":\"")
                        .append(status)
                        .append("\"}");
            }
            json.append("]}");
            try {
                return client.put(
                        "/api/v1/courses/" + slot.course().id() + "/attendance/" + slot.date() + "/" + slot.hour(),
                        json.toString());
            } catch (IOException e) {
                return -1;
            }
        }

        /** The same rows the application writes for a new register, one transaction each, no checks. */
        private Result overJdbc(String url, List<Slot> slots, long staffId) throws Exception {
            AtomicInteger next = new AtomicInteger();
            long[] latencies = new long[slots.size()];
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            Cpu cpu = Cpu.now();
            long start = System.nanoTime();
            for (int t = 0; t < CLIENTS; t++) {
                done.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                        connection.setAutoCommit(false);
                        for (int i = next.getAndIncrement(); i < slots.size(); i = next.getAndIncrement()) {
                            long sent = System.nanoTime();
                            try {
                                insert(connection, slots.get(i), staffId);
                                connection.commit();
                            } catch (SQLException e) {
                                connection.rollback();
                                failures.incrementAndGet();
                            }
                            latencies[i] = System.nanoTime() - sent;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            System.out.println("  " + Cpu.now().perRegister(cpu, slots.size()));
            return Result.of(slots.size(), elapsed, latencies, failures.get());
        }

        /** The statement the application uses for a new register: register, revision and marks at once. */
        private static void insert(Connection connection, Slot slot, long staffId) throws SQLException {
            Timestamp now = Timestamp.from(Instant.now());
            String[] statuses = new String[slot.students().size()];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = i % 17 == 3 ? "ABSENT" : i % 23 == 5 ? "LATE" : "PRESENT";
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    with register as (
                        insert into attendance_register (course_id, date, hour, version, changed_at)
                        values (?, ?, ?, 1, ?) on conflict (course_id, date, hour) do nothing returning id),
                    revision as (
                        insert into attendance_revision (register_id, version, recorded_by, recorded_by_id, recorded_at)
                        select id, 1, 'bench', ?, ? from register),
                    marks as (
                        insert into attendance_mark (register_id, student_id, status, from_version)
                        select register.id, m.student, m.status, 1
                        from register, unnest(?::bigint[], ?::text[]) as m (student, status))
                    select id from register""")) {
                insert.setLong(1, slot.course().id());
                insert.setObject(2, slot.date());
                insert.setInt(3, slot.hour());
                insert.setTimestamp(4, now);
                insert.setLong(5, staffId);
                insert.setTimestamp(6, now);
                insert.setArray(
                        7, connection.createArrayOf("bigint", slot.students().toArray()));
                insert.setArray(8, connection.createArrayOf("text", statuses));
                try (ResultSet rs = insert.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("slot already taken");
                    }
                }
            }
        }

        /**
         * The last full month of a 45-student course, every school day taken at every hour, in a school
         * of its own: a school's other courses are not part of its grid.
         */
        private void grid(HttpClient client, StaffPrincipal teacher) throws Exception {
            long owner = records.createOwner(new Run(79_000_002, Run.checkDigitOf(79_000_002)), "Sostenedor grilla");
            School school = records.createSchool(owner, 88_889, "Escuela de la grilla", "Municipal", 2);
            SchoolYear year =
                    records.createSchoolYear(school.id(), today.getYear(), today.minusDays(420), today.plusDays(30));
            accounts.setRole(teacher.staffId(), school.id(), Role.TEACHER, true, "bench");
            Course course = course(year, GRID_STUDENTS);
            List<Long> students = students(course);
            YearMonth month = YearMonth.from(today).minusMonths(1);
            List<TakingAttendance.NewRegister> book = new ArrayList<>();
            Random random = new Random(45);
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
                    continue;
                }
                for (int hour = 1; hour <= 6; hour++) {
                    List<TakingAttendance.SubmittedMark> marks = new ArrayList<>();
                    for (Long student : students) {
                        marks.add(new TakingAttendance.SubmittedMark(
                                student, random.nextDouble() < 0.1 ? "ABSENT" : "PRESENT"));
                    }
                    book.add(new TakingAttendance.NewRegister(d, hour, marks));
                }
            }
            app.getBean(TakingAttendance.class).recordAll(course, book, teacher);
            // The parts of the page, called directly: the computation, and each module's day statuses.
            cl.aula.subsidy.SubsidyControl control = app.getBean(cl.aula.subsidy.SubsidyControl.class);
            timed("SubsidyControl.month (Java call, no HTTP)", () -> control.month(course, month));
            for (var source :
                    app.getBeansOfType(cl.aula.subsidy.DayStatusSource.class).entrySet()) {
                timed(
                        "DayStatusSource " + source.getKey() + " (Java call, no HTTP)",
                        () -> source.getValue().statusOf(course.id(), month));
            }
            String api = "/api/v1/courses/" + course.id() + "/subsidy-control?month=" + month;
            String page = "/cursos/" + course.id() + "/control-subvenciones?mes=" + month;
            for (String path : List.of(api, page)) {
                long[] times = new long[GRID_REQUESTS];
                for (int i = -100; i < GRID_REQUESTS; i++) {
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(
                            HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - sent;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    if (i >= 0) {
                        times[i] = took;
                    }
                }
                Arrays.sort(times);
                System.out.printf(
                        "GET %s (%d students, %d school days): median %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
                        path.startsWith("/api") ? "subsidy-control JSON" : "grid page HTML",
                        GRID_STUDENTS,
                        book.size() / 6,
                        times[times.length / 2] / 1e6,
                        times[(int) (times.length * 0.9)] / 1e6,
                        times[(int) (times.length * 0.99)] / 1e6);
            }
        }

        private static void timed(String what, Runnable call) {
            long[] times = new long[GRID_REQUESTS];
            for (int i = -100; i < GRID_REQUESTS; i++) {
                long start = System.nanoTime();
                call.run();
                if (i >= 0) {
                    times[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(times);
            System.out.printf(
                    "%s: median %.1f ms, p90 %.1f ms%n",
                    what, times[GRID_REQUESTS / 2] / 1e6, times[(int) (GRID_REQUESTS * 0.9)] / 1e6);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    /**
     * A minimal HTTP/1.1 client on one kept-alive connection, like wrk's: the load driver shares the two
     * cores with Aula and PostgreSQL, so it must cost as little CPU as possible.
     */
    static final class RawHttp implements AutoCloseable {

        private final int port;
        private final String cookie;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        RawHttp(int port, String cookie) {
            this.port = port;
            this.cookie = cookie;
        }

        int put(String path, String json) throws IOException {
            try {
                return send(path, json);
            } catch (IOException closedMeanwhile) {
                // The server may close a kept-alive connection between two requests: reconnect once.
                close();
                return send(path, json);
            }
        }

        private int send(String path, String json) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16_384);
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: " + cookie
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse();
        }

        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().strip(), 16);
                        size > 0;
                        size = Integer.parseInt(line().strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (closing) {
                close();
            }
            return code;
        }

        private void skip(int bytes) throws IOException {
            for (int left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= (int) skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // A connection being dropped; the next request opens a new one.
            }
            socket = null;
        }
    }

    /** Throughput and latency of one phase. */
    record Result(int count, double seconds, double p50, double p99, double max, int failures) {

        static Result of(int count, long elapsedNanos, long[] latencies, int failures) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Result(
                    count,
                    elapsedNanos / 1e9,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6,
                    failures);
        }

        double rate() {
            return count / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d registers in %.1f s = %.0f registers/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                            + " %d failed",
                    count, seconds, rate(), p50, p99, max, failures);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
