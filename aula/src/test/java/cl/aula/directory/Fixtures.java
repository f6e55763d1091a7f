package cl.aula.directory;

import cl.aula.common.Run;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/** Finds and makes directory data for tests without disturbing the demo other tests read. */
@TestComponent
public class Fixtures {

    private static final AtomicInteger NEXT_RUN = new AtomicInteger(30_000_000);

    private final Directory directory;
    private final Clock clock;

    Fixtures(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public School demoSchool() {
        return directory.schoolByRbd("24680").orElseThrow();
    }

    /**
     * A demo student of the given identifier type whose identifier was never corrected; each call
     * gives another one, so tests don't see each other's corrections.
     */
    public long demoStudent(IdentifierType type) {
        LocalDate today = LocalDate.now(clock);
        return directory.courses(demoSchool().id()).stream()
                .flatMap(c -> directory.studentsEnrolled(c.id(), today).stream())
                .filter(s -> s.identifier() != null && s.identifier().type() == type)
                .filter(s -> directory.identifierHistory(s.studentId()).size() == 1)
                .filter(s -> directory.identifierHistory(s.studentId() + 1).size() == 1)
                .map(EnrolledStudent::studentId)
                .filter(id -> TAKEN.add(id))
                .findFirst()
                .orElseThrow();
    }

    private static final java.util.Set<Long> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A valid RUN no demo student has. */
    public Run unusedRun() {
        int number = NEXT_RUN.getAndIncrement();
        return new Run(number, Run.checkDigitOf(number));
    }
}
