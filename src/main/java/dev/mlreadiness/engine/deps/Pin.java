package dev.mlreadiness.engine.deps;

import java.util.regex.Pattern;

/**
 * How firmly a requirement fixes what gets installed, per the spec's
 * {@code reproducibility/unpinned-dependency} rule.
 *
 * @param status what pins it, or {@link Status#UNPINNED}
 * @param reason for an unpinned requirement, a phrase for a message ("range `>=1.2`"); empty otherwise
 */
public record Pin(Status status, String reason) {

    /** What makes a requirement reproducible, or that nothing does. */
    public enum Status {
        /** {@code ==1.2.3} (no wildcard) or {@code ===1.2.3}. */
        EXACT,
        /** Carries {@code --hash}: pip installs only that exact artifact. */
        HASHED,
        /** A VCS requirement at a full 40-hex commit. */
        COMMIT,
        /** A URL requirement whose fragment carries a hash ({@code #sha256=...}). */
        URL_WITH_HASH,
        /** A local path or {@code -e .}: the code is in the repository. */
        LOCAL,
        /** Anything else. */
        UNPINNED
    }

    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-fA-F]{40}");

    public boolean isPinned() {
        return status != Status.UNPINNED;
    }

    static Pin pinned(Status status) {
        return new Pin(status, "");
    }

    static Pin unpinned(String reason) {
        return new Pin(Status.UNPINNED, reason);
    }

    /** True for a full 40-hex commit id; tags, branches and short shas move or are ambiguous. */
    static boolean isFullCommit(String ref) {
        return ref != null && FULL_COMMIT.matcher(ref).matches();
    }

    /** Decides the pin of a requirement from its kind, hash, ref and specifier. */
    static Pin of(Requirement requirement) {
        return switch (requirement.kind()) {
            case LOCAL -> pinned(Status.LOCAL);
            case VCS -> ofVcs(requirement);
            case URL -> requirement.hasHash() ? pinned(Status.URL_WITH_HASH) : unpinned("URL without a hash");
            case NAMED -> requirement.hasHash() ? pinned(Status.HASHED) : ofSpecifier(requirement.specifier());
        };
    }

    private static Pin ofVcs(Requirement requirement) {
        if (isFullCommit(requirement.vcsRef())) {
            return pinned(Status.COMMIT);
        }
        if (requirement.vcsRef() == null || requirement.vcsRef().isEmpty()) {
            return unpinned("VCS URL without a commit");
        }
        return unpinned("VCS ref `" + requirement.vcsRef() + "` is not a commit");
    }

    /**
     * One exact clause pins the requirement even beside other clauses ({@code ==1.2,!=1.3} is still
     * exactly 1.2); a wildcard {@code ==1.*} leaves the patch level open.
     */
    private static Pin ofSpecifier(String specifier) {
        if (specifier == null || specifier.isBlank()) {
            return unpinned("no version");
        }
        String wildcard = null;
        for (String clause : specifier.split(",")) {
            String c = clause.strip();
            if (c.startsWith("===")) {
                return pinned(Status.EXACT);
            }
            if (c.startsWith("==")) {
                if (!c.contains("*")) {
                    return pinned(Status.EXACT);
                }
                wildcard = c;
            }
        }
        return wildcard != null
                ? unpinned("wildcard `" + wildcard + "`")
                : unpinned("range `" + specifier + "`");
    }
}
