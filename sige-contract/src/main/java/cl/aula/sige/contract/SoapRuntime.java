package cl.aula.sige.contract;

/** JVM-wide settings that both ends of the SIGE contract need for SOAP to be cheap. */
public final class SoapRuntime {

    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";
    private static final String JDK_TRANSFORMER_FACTORY =
            "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

    private SoapRuntime() {}

    /**
     * Names the JDK's own XSLT transformer factory, unless something else was named. SAAJ asks
     * {@code TransformerFactory.newInstance()} for every SOAP message it reads or writes, and without
     * the property each ask scans the class path for a provider; in a runnable jar that means opening
     * nested jars, a fifth of Aula's CPU in the month-end benchmark. The scan finds no other provider
     * in these programs, so the JDK's implementation is the one used either way.
     */
    public static void useJdkTransformerFactory() {
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, JDK_TRANSFORMER_FACTORY);
        }
    }
}
