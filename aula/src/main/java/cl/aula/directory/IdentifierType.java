package cl.aula.directory;

/** RUN is the definitive national identifier; IPE the provisional one MINEDUC gives foreign students. */
public enum IdentifierType {
    RUN,
    IPE
}
