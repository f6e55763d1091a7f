package cl.aula.sige.simulator.enrollment;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Everything SIGE believes is enrolled in one school; immutable, replaced as a whole. */
public final class SchoolEnrollment {

    private final int rbd;
    private final List<EnrolledStudent> students;
    private final Map<CourseKey, List<EnrolledStudent>> byCourse;
    private final Set<Integer> runNumbers;

    SchoolEnrollment(int rbd, List<EnrolledStudent> students) {
        this.rbd = rbd;
        this.students = List.copyOf(students);
        this.byCourse = this.students.stream()
                .collect(Collectors.groupingBy(EnrolledStudent::course, LinkedHashMap::new, Collectors.toList()));
        this.runNumbers = new HashSet<>();
        this.students.forEach(s -> runNumbers.add(s.run().numero()));
    }

    public int rbd() {
        return rbd;
    }

    public List<EnrolledStudent> students() {
        return students;
    }

    /** Whether SIGE knows this course: it has held an enrolment in it, on any date. */
    public boolean hasCourse(CourseKey course) {
        return byCourse.containsKey(course);
    }

    /** The letters of the courses SIGE knows for a teaching type and grade, in order. */
    public Set<String> letters(int teachingTypeCode, int gradeCode) {
        return byCourse.keySet().stream()
                .filter(c -> c.teachingTypeCode() == teachingTypeCode && c.gradeCode() == gradeCode)
                .map(CourseKey::letter)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The students enrolled in {@code course} on {@code date}. */
    public List<EnrolledStudent> enrolledOn(CourseKey course, LocalDate date) {
        return byCourse.getOrDefault(course, List.of()).stream()
                .filter(s -> s.isEnrolledOn(date))
                .toList();
    }

    /** Whether any enrolment of this school, on any date, is of the RUN with this number. */
    public boolean hasRun(int numero) {
        return runNumbers.contains(numero);
    }
}
