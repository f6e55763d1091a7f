package cl.aula.sige.simulator.attendance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attendance SIGE holds, per school and date, then per teaching type and grade. A processed
 * submission replaces everything held for its key.
 */
final class AttendanceStore {

    private final Map<SchoolDay, Map<Grade, List<StoredCourse>>> days = new ConcurrentHashMap<>();
    private final AtomicLong studentDays = new AtomicLong();

    void replace(AttendanceKey key, List<StoredCourse> courses) {
        Map<Grade, List<StoredCourse>> grades =
                days.computeIfAbsent(new SchoolDay(key.rbd(), key.date()), d -> new ConcurrentHashMap<>());
        List<StoredCourse> previous =
                grades.put(new Grade(key.teachingTypeCode(), key.gradeCode()), List.copyOf(courses));
        studentDays.addAndGet(count(courses) - (previous == null ? 0 : count(previous)));
    }

    /** Every course held for school {@code rbd} on {@code date}, by teaching type, grade and letter. */
    List<StoredCourse> courses(int rbd, LocalDate date) {
        return days.getOrDefault(new SchoolDay(rbd, date), Map.of()).values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparingInt(StoredCourse::teachingTypeCode)
                        .thenComparingInt(StoredCourse::gradeCode)
                        .thenComparing(StoredCourse::letter))
                .toList();
    }

    /** How many student-days (one student's mark on one date) are held. */
    long studentDays() {
        return studentDays.get();
    }

    void clear() {
        days.clear();
        studentDays.set(0);
    }

    private static long count(List<StoredCourse> courses) {
        return courses.stream().mapToLong(StoredCourse::studentDays).sum();
    }

    private record SchoolDay(int rbd, LocalDate date) {}

    private record Grade(int teachingTypeCode, int gradeCode) {}
}
