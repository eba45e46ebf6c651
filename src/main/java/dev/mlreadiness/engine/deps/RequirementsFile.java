package dev.mlreadiness.engine.deps;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A parsed pip requirements file.
 *
 * @param path repo-relative path of the file
 * @param requirements the requirements, in file order
 * @param includes {@code -r} and {@code -c} references to other files
 * @param options global options ({@code --index-url}, {@code --pre}, unknown ones, ...)
 * @param problems lines that could not be understood
 */
public record RequirementsFile(String path, List<Requirement> requirements, List<Include> includes,
        List<Option> options, List<Problem> problems) {

    /**
     * A {@code -r file} (requirement) or {@code -c file} (constraint) line.
     *
     * @param path the path as written, relative to the including file's folder
     * @param constraint true for {@code -c}/{@code --constraint}
     * @param line 1-based line of the include
     */
    public record Include(String path, boolean constraint, int line) {
    }

    /**
     * A global option line.
     *
     * @param name the option as written, e.g. {@code --index-url} or {@code -i}
     * @param value its value, or null for a flag
     * @param line 1-based line
     */
    public record Option(String name, String value, int line) {
    }

    public RequirementsFile {
        requirements = List.copyOf(requirements);
        includes = List.copyOf(includes);
        options = List.copyOf(options);
        problems = List.copyOf(problems);
    }

    /**
     * The repo-relative path an include points at. pip resolves includes against the including file's
     * folder. Empty for URLs, absolute paths, environment variables and paths that leave the repository.
     */
    public Optional<String> resolve(Include include) {
        return resolveRelative(path, include.path());
    }

    static Optional<String> resolveRelative(String includingFile, String target) {
        if (target.isEmpty() || target.startsWith("/") || target.contains("${") || DirectReference.isUrl(target)
                || target.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty();
        }
        int slash = includingFile.lastIndexOf('/');
        String folder = slash >= 0 ? includingFile.substring(0, slash) : "";
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (folder + "/" + target.replace('\\', '/')).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}
