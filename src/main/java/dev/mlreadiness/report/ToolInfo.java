package dev.mlreadiness.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Who produced a report: the name, version and home page that SARIF, JSON and {@code --version} show. */
public final class ToolInfo {

    public static final String NAME = "ml-readiness";
    public static final String INFORMATION_URI = "https://github.com/ml-readiness/ml-readiness";

    /** Written by the build from the pom's version (Maven resource filtering). */
    private static final String PROPERTIES = "tool.properties";

    private ToolInfo() {
    }

    /** The project version as the build recorded it; {@code dev} when the build did not run (some IDEs). */
    public static String version() {
        try (InputStream in = ToolInfo.class.getResourceAsStream(PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: a version string is not worth failing a run for
        }
        return "dev";
    }
}
