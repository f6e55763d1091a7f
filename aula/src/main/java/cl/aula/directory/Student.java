package cl.aula.directory;

/** A student of a school. Attendance refers to the id, never to the identifier, which can change. */
public record Student(long id, long schoolId, String givenNames, String paternalSurname, String maternalSurname) {

    public String fullName() {
        String surnames = (paternalSurname + " " + maternalSurname).strip();
        return surnames + ", " + givenNames;
    }
}
