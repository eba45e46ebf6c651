package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.deps.Pin.Status;
import dev.mlreadiness.engine.deps.Requirement.Kind;
import dev.mlreadiness.engine.deps.RequirementsFile.Include;
import dev.mlreadiness.engine.deps.RequirementsFile.Option;

class RequirementsParserTest {

    private final RequirementsParser parser = new RequirementsParser();

    private RequirementsFile parse(String text) {
        return parser.parse("requirements.txt", text);
    }

    private Requirement only(String text) {
        RequirementsFile file = parse(text);
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).hasSize(1);
        return file.requirements().get(0);
    }

    @Test
    void exactPinIsPinnedAndNameIsNormalised() {
        Requirement r = only("Scikit_Learn==1.3.2\n");
        assertThat(r.name()).isEqualTo("scikit-learn");
        assertThat(r.specifier()).isEqualTo("==1.3.2");
        assertThat(r.kind()).isEqualTo(Kind.NAMED);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.pin()).isEqualTo(new Pin(Status.EXACT, ""));
    }

    @Test
    void aVeryLongVersionIsReadWithoutOverflowingASmallStack() throws InterruptedException {
        // a 3 KB version overflowed the stack of java.util.regex (issue 10, found by FuzzTest)
        RequirementsFile[] files = new RequirementsFile[2];
        Thread small = new Thread(null, () -> {
            files[0] = parse("scikit-learn>=" + "it-lit".repeat(20_000) + "\n");
            files[1] = parse("numpy==" + "1.".repeat(20_000) + "*\n");
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertThat(files[0].requirements()).singleElement().satisfies(r -> assertThat(r.pin().isPinned()).isFalse());
        assertThat(files[1].requirements()).singleElement()
                .satisfies(r -> assertThat(r.pin().reason()).startsWith("wildcard `==1.1."));
    }

    @Test
    void tripleEqualsIsExact() {
        assertThat(only("torch===2.1.0+cu118").pin().status()).isEqualTo(Status.EXACT);
    }

    @Test
    void wildcardIsNotExact() {
        Pin pin = only("numpy==1.*").pin();
        assertThat(pin.status()).isEqualTo(Status.UNPINNED);
        assertThat(pin.reason()).isEqualTo("wildcard `==1.*`");
    }

    @Test
    void rangesAndCompatibleReleaseAreNotPinned() {
        assertThat(only("pandas >= 1.2").pin()).isEqualTo(new Pin(Status.UNPINNED, "range `>=1.2`"));
        assertThat(only("pandas~=1.2").pin()).isEqualTo(new Pin(Status.UNPINNED, "range `~=1.2`"));
        assertThat(only("pandas>=1.2, <2").pin()).isEqualTo(new Pin(Status.UNPINNED, "range `>=1.2,<2`"));
        assertThat(only("pandas!=1.5.0").pin().isPinned()).isFalse();
    }

    @Test
    void anExactClauseBesideOthersStillPins() {
        assertThat(only("pandas==1.5.3,!=1.5.0").pin().status()).isEqualTo(Status.EXACT);
    }

    @Test
    void noVersionIsNotPinned() {
        Requirement r = only("requests");
        assertThat(r.specifier()).isEmpty();
        assertThat(r.pin()).isEqualTo(new Pin(Status.UNPINNED, "no version"));
    }

    @Test
    void parenthesisedSpecifierIsAccepted() {
        Requirement r = only("requests (==2.31.0)");
        assertThat(r.specifier()).isEqualTo("==2.31.0");
        assertThat(r.pin().status()).isEqualTo(Status.EXACT);
    }

    @Test
    void commentsAreCutButNotUrlFragments() {
        RequirementsFile file = parse("""
                # the stack
                numpy==1.26.4  # pinned for torch
                pandas==2.1.0#not-a-comment-without-space
                https://example.com/pkgs/tool-1.0-py3-none-any.whl#sha256=abcdef0123
                """);
        assertThat(file.requirements()).extracting(Requirement::line, Requirement::rawText).containsExactly(
                tuple(2, "numpy==1.26.4"),
                tuple(4, "https://example.com/pkgs/tool-1.0-py3-none-any.whl#sha256=abcdef0123"));
        // `#` glued to the version is not a comment, so the version is invalid: a problem, not a crash
        assertThat(file.problems()).extracting(Problem::line).containsExactly(3);
    }

    @Test
    void urlWithHashFragmentIsPinnedAndNamedFromTheWheel() {
        Requirement r = only("https://example.com/pkgs/Tool_Kit-1.0-py3-none-any.whl#sha256=abcdef0123");
        assertThat(r.kind()).isEqualTo(Kind.URL);
        assertThat(r.name()).isEqualTo("tool-kit");
        assertThat(r.pin().status()).isEqualTo(Status.URL_WITH_HASH);
    }

    @Test
    void urlWithoutHashIsNotPinned() {
        Requirement r = only("https://example.com/pkgs/tool-1.0.tar.gz");
        assertThat(r.name()).isEqualTo("tool");
        assertThat(r.pin()).isEqualTo(new Pin(Status.UNPINNED, "URL without a hash"));
    }

    @Test
    void markersAndExtrasAreKept() {
        Requirement r = only("Requests[Security, socks] >=2.8.1, ==2.8.* ; python_version < \"3.8\"");
        assertThat(r.name()).isEqualTo("requests");
        assertThat(r.extras()).containsExactly("security", "socks");
        assertThat(r.specifier()).isEqualTo(">=2.8.1,==2.8.*");
        assertThat(r.marker()).isEqualTo("python_version < \"3.8\"");
        assertThat(r.pin().reason()).isEqualTo("wildcard `==2.8.*`");
    }

    @Test
    void markerWithoutSpaces() {
        Requirement r = only("dataclasses==0.8;python_version<\"3.7\"");
        assertThat(r.specifier()).isEqualTo("==0.8");
        assertThat(r.marker()).isEqualTo("python_version<\"3.7\"");
    }

    @Test
    void includesAreRecordedWithTheirLineAndResolvedAgainstTheFolder() {
        RequirementsFile file = parser.parse("envs/requirements/dev.txt", """
                -r base.txt
                --requirement=../common.txt
                -c constraints.txt
                --constraint ../../constraints/all.txt
                -r ${ROOT}/x.txt
                -r ../../../outside.txt
                """);
        assertThat(file.includes()).containsExactly(
                new Include("base.txt", false, 1),
                new Include("../common.txt", false, 2),
                new Include("constraints.txt", true, 3),
                new Include("../../constraints/all.txt", true, 4),
                new Include("${ROOT}/x.txt", false, 5),
                new Include("../../../outside.txt", false, 6));
        assertThat(file.includes()).map(include -> file.resolve(include).orElse("-")).containsExactly(
                "envs/requirements/base.txt", "envs/common.txt", "envs/requirements/constraints.txt",
                "constraints/all.txt", "-", "-");
        assertThat(file.requirements()).isEmpty();
    }

    @Test
    void hashesOnContinuationLinesPinAndTheRequirementIsReportedOnItsFirstLine() {
        RequirementsFile file = parse("""
                flask==3.0.0
                torch>=2.0 \\
                    --hash=sha256:0123456789abcdef \\
                    --hash=sha256:fedcba9876543210
                scipy==1.11.4
                """);
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::line, Requirement::hasHash)
                .containsExactly(tuple("flask", 1, false), tuple("torch", 2, true), tuple("scipy", 5, false));
        assertThat(file.requirements().get(1).pin().status()).isEqualTo(Status.HASHED);
    }

    @Test
    void continuedSpecifierIsJoined() {
        RequirementsFile file = parse("numpy>=1.0,\\\n<2.0\npandas\n");
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::specifier, Requirement::line)
                .containsExactly(tuple("numpy", ">=1.0,<2.0", 1), tuple("pandas", "", 3));
    }

    @Test
    void invalidHashIsAProblemAndDoesNotPin() {
        RequirementsFile file = parse("torch>=2.0 --hash=md5:abc");
        assertThat(file.requirements()).singleElement().satisfies(r -> assertThat(r.hasHash()).isFalse());
        assertThat(file.problems()).containsExactly(
                new Problem(1, "`--hash` needs `sha256:`, `sha384:` or `sha512:` and a hex digest"));
    }

    @Test
    void vcsWithFullCommitIsPinned() {
        Requirement r = only("git+https://github.com/org/repo.git@0123456789abcdef0123456789abcdef01234567#egg=My_Pkg");
        assertThat(r.kind()).isEqualTo(Kind.VCS);
        assertThat(r.name()).isEqualTo("my-pkg");
        assertThat(r.vcsRef()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(r.pin().status()).isEqualTo(Status.COMMIT);
    }

    @Test
    void vcsWithTagShortShaOrNoRefIsNotPinned() {
        assertThat(only("git+https://github.com/org/repo.git@v1.2#egg=pkg").pin())
                .isEqualTo(new Pin(Status.UNPINNED, "VCS ref `v1.2` is not a commit"));
        assertThat(only("pkg @ git+https://github.com/org/repo.git@0123abc").pin())
                .isEqualTo(new Pin(Status.UNPINNED, "VCS ref `0123abc` is not a commit"));
        assertThat(only("git+https://github.com/org/repo.git#egg=pkg").pin())
                .isEqualTo(new Pin(Status.UNPINNED, "VCS URL without a commit"));
    }

    @Test
    void sshUserIsNotMistakenForARef() {
        Requirement r = only("git+ssh://git@github.com/org/repo.git#egg=pkg");
        assertThat(r.vcsRef()).isNull();
        Requirement withRef = only("pkg @ git+ssh://git@github.com/org/repo.git@main");
        assertThat(withRef.vcsRef()).isEqualTo("main");
        assertThat(withRef.name()).isEqualTo("pkg");
    }

    @Test
    void editableVcsAndLocalPaths() {
        RequirementsFile file = parse("""
                -e git+https://github.com/org/repo.git@0123456789abcdef0123456789abcdef01234567#egg=lib
                -e .
                --editable ./packages/core
                ./vendor/tool
                file:///opt/wheels/x-1.0-py3-none-any.whl
                ${WHEELS}/private.whl
                """);
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).extracting(Requirement::kind, Requirement::url, r -> r.pin().status())
                .containsExactly(
                        tuple(Kind.VCS,
                                "git+https://github.com/org/repo.git@0123456789abcdef0123456789abcdef01234567#egg=lib",
                                Status.COMMIT),
                        tuple(Kind.LOCAL, ".", Status.LOCAL),
                        tuple(Kind.LOCAL, "./packages/core", Status.LOCAL),
                        tuple(Kind.LOCAL, "./vendor/tool", Status.LOCAL),
                        tuple(Kind.LOCAL, "file:///opt/wheels/x-1.0-py3-none-any.whl", Status.LOCAL),
                        tuple(Kind.LOCAL, "${WHEELS}/private.whl", Status.LOCAL));
        assertThat(file.options()).isEmpty();
    }

    @Test
    void directUrlWithMarker() {
        Requirement r = only("pkg @ https://example.com/pkg-1.0.tar.gz#sha256=00ff ; sys_platform == \"linux\"");
        assertThat(r.kind()).isEqualTo(Kind.URL);
        assertThat(r.url()).isEqualTo("https://example.com/pkg-1.0.tar.gz#sha256=00ff");
        assertThat(r.marker()).isEqualTo("sys_platform == \"linux\"");
        assertThat(r.pin().status()).isEqualTo(Status.URL_WITH_HASH);
    }

    @Test
    void environmentVariableInVersionCountsAsExact() {
        Requirement r = only("mylib==${MYLIB_VERSION}");
        assertThat(r.specifier()).isEqualTo("==${MYLIB_VERSION}");
        assertThat(r.pin().status()).isEqualTo(Status.EXACT);
    }

    @Test
    void optionLinesAreOptionsNeverRequirements() {
        RequirementsFile file = parse("""
                --index-url https://pypi.example.com/simple
                -i https://other.example.com/simple
                --extra-index-url=https://download.pytorch.org/whl/cu118
                -f https://data.pyg.org/whl/torch-2.0.0.html
                --find-links ./wheels
                --trusted-host pypi.example.com
                --pre
                --no-binary :all:
                --only-binary=numpy
                --prefer-binary
                --require-hashes
                --use-feature truststore
                --frobnicate now please
                """);
        assertThat(file.requirements()).isEmpty();
        assertThat(file.problems()).isEmpty();
        assertThat(file.options()).containsExactly(
                new Option("--index-url", "https://pypi.example.com/simple", 1),
                new Option("-i", "https://other.example.com/simple", 2),
                new Option("--extra-index-url", "https://download.pytorch.org/whl/cu118", 3),
                new Option("-f", "https://data.pyg.org/whl/torch-2.0.0.html", 4),
                new Option("--find-links", "./wheels", 5),
                new Option("--trusted-host", "pypi.example.com", 6),
                new Option("--pre", null, 7),
                new Option("--no-binary", ":all:", 8),
                new Option("--only-binary", "numpy", 9),
                new Option("--prefer-binary", null, 10),
                new Option("--require-hashes", null, 11),
                new Option("--use-feature", "truststore", 12),
                new Option("--frobnicate", "now please", 13));
    }

    @Test
    void perRequirementBuildOptionsAreAccepted() {
        RequirementsFile file = parse("""
                lib==1.0 --config-settings editable_mode=compat
                other==2.0 --global-option=--no-user-cfg
                """);
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).extracting(Requirement::name).containsExactly("lib", "other");
    }

    @Test
    void garbageLinesArePromblemsAndTheRestStillParses() {
        RequirementsFile file = parse("""
                numpy==
                !!!
                pandas 1.5.3
                torch[cuda==2.0
                ok==1.0
                -r
                lib @
                lib==1.0 ;
                x>=1.*
                """);
        assertThat(file.requirements()).extracting(Requirement::name).containsExactly("ok");
        assertThat(file.problems()).containsExactly(
                new Problem(1, "`==` is not a version specifier in `numpy==`"),
                new Problem(2, "`!!!` is not a valid requirement"),
                new Problem(3, "`1.5.3` is not a version specifier in `pandas 1.5.3` (did you mean `==1.5.3`?)"),
                new Problem(4, "unclosed `[` in `torch[cuda==2.0`"),
                new Problem(6, "`-r` needs a value"),
                new Problem(7, "missing URL after `@` for `lib`"),
                new Problem(8, "empty marker after `;` in `lib==1.0 ;`"),
                new Problem(9, "`>=` cannot take a wildcard in `x>=1.*`"));
    }

    @Test
    void crlfAndBlankLinesAndBom() {
        RequirementsFile file = parse("\uFEFFnumpy==1.0\r\n\r\n   \r\n# c\r\npandas==2.0 \\\r\n  --hash=sha256:ab\r\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::line, Requirement::hasHash)
                .containsExactly(tuple("numpy", 1, false), tuple("pandas", 5, true));
    }

    @Test
    void commentLineEndingInBackslashDoesNotContinue() {
        RequirementsFile file = parse("# note \\\nnumpy==1.0\n");
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::line)
                .containsExactly(tuple("numpy", 2));
    }

    @Test
    void emptyInputGivesAnEmptyFile() {
        RequirementsFile file = parse("");
        assertThat(file.requirements()).isEmpty();
        assertThat(file.problems()).isEmpty();
        assertThat(file.path()).isEqualTo("requirements.txt");
    }

    @Test
    void constraintPinsOnlyNamedRequirementsOfTheSameName() {
        RequirementsFile file = parse("""
                numpy
                pandas>=2
                git+https://github.com/org/repo.git@main#egg=scipy
                """);
        Requirement pinnedNumpy = only("numpy==1.26.4");
        Requirement rangedPandas = only("pandas>=2.1");
        Requirement pinnedScipy = only("scipy==1.11.0");
        Map<String, Requirement> constraints = Map.of("numpy", pinnedNumpy, "pandas", rangedPandas,
                "scipy", pinnedScipy);
        assertThat(file.requirements()).map(r -> r.isPinnedBy(constraints)).containsExactly(true, false, false);
        assertThat(file.requirements().get(0).isPinnedBy(Map.of())).isFalse();
    }
}
