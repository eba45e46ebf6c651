package dev.mlreadiness.engine.deps;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a direct URL or path in a requirement points at: a VCS repository (and which ref), an archive
 * URL (and whether its fragment carries a hash), or something local.
 *
 * @param kind VCS, URL or LOCAL
 * @param vcsRef the ref after the last {@code @} of a VCS URL's path, or null
 * @param hasHash the fragment carries {@code sha256=} or another hash pip accepts
 * @param name the normalised package name from {@code #egg=} or the archive file name, or null
 */
record DirectReference(Requirement.Kind kind, String vcsRef, boolean hasHash, String name) {

    private static final Pattern VCS_PREFIX = Pattern.compile("(?i)^(git|hg|svn|bzr)\\+");
    private static final Pattern URL_SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://");
    private static final Pattern FRAGMENT_HASH = Pattern
            .compile("(?i)(^|&)(sha1|sha224|sha256|sha384|sha512|md5)=[0-9a-f]+");
    private static final Pattern EGG = Pattern.compile("(?:^|&)egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern WHEEL = Pattern
            .compile("^([A-Za-z0-9._]+?)-[0-9][^-]*(-[^-]+)?-[^-]+-[^-]+-[^-]+\\.whl$");
    private static final Pattern SDIST = Pattern
            .compile("^([A-Za-z0-9._-]+?)-v?[0-9][A-Za-z0-9.+!_-]*\\.(tar\\.gz|tar\\.bz2|tar\\.xz|tgz|zip)$");

    /** True when the text is a URL or VCS reference rather than a name or a path. */
    static boolean isUrl(String text) {
        return VCS_PREFIX.matcher(text).find() || URL_SCHEME.matcher(text).find()
                || text.regionMatches(true, 0, "file:", 0, 5);
    }

    /** True when pip would read the text as a local path rather than a project name. */
    static boolean looksLikePath(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return text.startsWith(".") || text.startsWith("/") || text.startsWith("~") || text.startsWith("${")
                || text.contains("/") || text.contains("\\")
                || lower.endsWith(".whl") || lower.endsWith(".tar.gz") || lower.endsWith(".zip")
                || lower.endsWith(".tar.bz2") || lower.endsWith(".tgz");
    }

    static DirectReference of(String location) {
        int hash = location.indexOf('#');
        String fragment = hash >= 0 ? location.substring(hash + 1) : "";
        String withoutFragment = hash >= 0 ? location.substring(0, hash) : location;
        String name = nameFrom(fragment, withoutFragment);
        if (VCS_PREFIX.matcher(location).find()) {
            return new DirectReference(Requirement.Kind.VCS, vcsRef(withoutFragment), false, name);
        }
        if (location.regionMatches(true, 0, "file:", 0, 5) || !URL_SCHEME.matcher(location).find()) {
            return new DirectReference(Requirement.Kind.LOCAL, null, false, name);
        }
        return new DirectReference(Requirement.Kind.URL, null, FRAGMENT_HASH.matcher(fragment).find(), name);
    }

    private static String nameFrom(String fragment, String withoutFragment) {
        Matcher egg = EGG.matcher(fragment);
        if (egg.find()) {
            return PackageName.normalise(egg.group(1));
        }
        String fileName = withoutFragment.substring(withoutFragment.lastIndexOf('/') + 1);
        int query = fileName.indexOf('?');
        if (query >= 0) {
            fileName = fileName.substring(0, query);
        }
        Matcher archive = WHEEL.matcher(fileName);
        if (!archive.matches()) {
            archive = SDIST.matcher(fileName);
        }
        return archive.matches() ? PackageName.normalise(archive.group(1)) : null;
    }

    /**
     * The ref is what follows the last {@code @} of the path. The user part of the host
     * ({@code git@github.com}) also has an {@code @}, so the search starts after the host.
     */
    private static String vcsRef(String url) {
        String afterPrefix = url.substring(url.indexOf('+') + 1);
        int scheme = afterPrefix.indexOf("://");
        int hostStart = scheme >= 0 ? scheme + 3 : 0;
        int pathStart = afterPrefix.indexOf('/', hostStart);
        if (scheme < 0) {
            // scp-like git+git@host:org/repo.git: the path starts after the first ':'
            int colon = afterPrefix.indexOf(':');
            pathStart = colon >= 0 ? colon : pathStart;
        }
        if (pathStart < 0) {
            return null;
        }
        String path = afterPrefix.substring(pathStart);
        int at = path.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String ref = path.substring(at + 1);
        return ref.isEmpty() ? null : ref;
    }
}
