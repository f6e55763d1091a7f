package cl.aula.sige.simulator;

/** Something that holds simulator state which {@code POST /admin/reset} forgets. */
public interface Resettable {

    /** Returns to the state of a freshly started simulator. */
    void reset();
}
