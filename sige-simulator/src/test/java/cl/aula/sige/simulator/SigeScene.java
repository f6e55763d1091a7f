package cl.aula.sige.simulator;

import cl.aula.sige.simulator.enrollment.Run;

/**
 * The scene most tests stand in: one agreement (client 3, agreement 4) linked to school 12345,
 * whose course 110-1-A has three students, on 2026-03-10 at 10:00 in Santiago, when March is the
 * open month.
 */
public final class SigeScene {

    public static final int CLIENT_ID = 3;
    public static final int AGREEMENT_ID = 4;
    public static final String TOKEN = "TESTSIGE";
    public static final int RBD = 12345;
    public static final String NOW = "2026-03-10T10:00:00-03:00";
    public static final String SCHOOL_DAY = "2026-03-09";

    /** A RUN whose check digit is K. */
    public static final Run STUDENT_K = new Run(10000013, "K");

    public static final Run STUDENT_2 = new Run(12345678, "5");
    public static final Run STUDENT_3 = Run.of(15000000);

    /** Enrolled in 110-1-A until 2026-03-05 only. */
    public static final Run WITHDRAWN = Run.of(16000000);

    private SigeScene() {}

    public static String agreementJson() {
        return """
                {"clientId": %d, "token": "%s", "rbds": [%d]}""".formatted(CLIENT_ID, TOKEN, RBD);
    }

    public static String enrollmentJson() {
        return "[" + entry(STUDENT_K, "2026-03-01", null) + "," + entry(STUDENT_2, "2026-03-01", null) + ","
                + entry(STUDENT_3, "2026-03-02", null) + "," + entry(WITHDRAWN, "2026-03-01", "2026-03-05") + "]";
    }

    private static String entry(Run run, String enrolledOn, String withdrawnOn) {
        return """
                {"run": {"numero": %d, "dv": "%s"}, "teachingTypeCode": 110, "gradeCode": 1, "letter": "A",
                 "enrolledOn": "%s", "withdrawnOn": %s}""".formatted(
                        run.numero(), run.dv(), enrolledOn, withdrawnOn == null ? "null" : "\"" + withdrawnOn + "\"");
    }

    /** A Run element in the shape vendor clients wrote, with the prefix they used. */
    public static String runXml(String prefix, Run run) {
        return "<%1$s:Run><%1$s:numero>%2$d</%1$s:numero><%1$s:dv>%3$s</%1$s:dv></%1$s:Run>"
                .formatted(prefix, run.numero(), run.dv());
    }
}
