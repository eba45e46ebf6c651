package dev.mlreadiness.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Who produced a report: the name, version and home page that SARIF, JSON and {@code --version} show. */
public final class ToolInfo {

    public static final String NAME = "ml-readiness";
    public static final String INFORMATION_URI = "https://github.com/ml-readiness/ml-readiness";

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.mlreadiness/ml-readiness/pom.properties";

    private ToolInfo() {
    }

    /**
     * The project version from the jar's Maven metadata; {@code dev} when running from classes (tests, IDE),
     * where that metadata does not exist.
     */
    public static String version() {
        try (InputStream in = ToolInfo.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: a version string is not worth failing a run for
        }
        String v = ToolInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
