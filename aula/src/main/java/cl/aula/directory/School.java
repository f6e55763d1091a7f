package cl.aula.directory;

/** A school (establecimiento), known by its RBD with check digit. */
public record School(long id, int rbd, char rbdDv, String name, String dependencyType, int subsidyHour, long ownerId) {

    /** The RBD as people and the API write it, e.g. {@code 12345-6}. */
    public String rbdText() {
        return rbd + "-" + rbdDv;
    }
}
