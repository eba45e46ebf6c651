package dev.mlreadiness.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.docs.DocSection;
import dev.mlreadiness.engine.rule.RuleContext;

/**
 * Whether a piece of documentation names a source for data ({@code docs/data-sources}), read from its Markdown
 * source so that links count whatever their text: a link (a Markdown link to anything but an anchor, a bare URL,
 * {@code s3://} and the like), a DOI, a query or code (a fenced code block, SQL, a command or call in inline code, a
 * script named by its file), an owner (an e-mail address, an {@code @handle}, words such as owner, maintained by,
 * provided by, team, "we collected"), a dataset hub id in inline code ({@code `owner/name`}), a data platform
 * (Kaggle, Hugging Face, UCI, OpenML, Zenodo ...), synthetic data ("generated with", "simulated"), or a named
 * dataset or organisation: a capitalised word inside a sentence ({@code from the Ames Housing data}) or an acronym
 * ({@code MNIST}, {@code CRM}), in prose only (not in tables, code or headings), the common ones of file formats and
 * documentation ({@code CSV}, {@code JSON}, {@code README}, {@code TODO}) left out. "From somewhere." names none.
 * HTML comments are left out.
 */
public final class SourceMentions {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(https?|s3|s3a|gs|az|abfss?|wasbs?|hdfs|ftp|sftp|dbfs|hf)://\\S+|\\bwww\\.[\\w-]+\\.\\w+");
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?[^)#\\s][^)]*\\)|^\\s*\\[[^\\]]+]:\\s*\\S+",
            Pattern.MULTILINE);
    private static final Pattern DOI = Pattern.compile("(?i)\\bdoi\\b|\\b10\\.\\d{4,9}/\\S+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+|(^|[\\s(])@[A-Za-z0-9-]{2,}");
    private static final Pattern SQL = Pattern.compile("(?is)\\bselect\\b.{1,300}?\\bfrom\\b");
    private static final Pattern SCRIPT = Pattern.compile("(?i)[\\w./-]+\\.(sql|py|sh|r|ipynb|scala|hql)\\b");
    private static final Pattern OWNER = Pattern.compile("(?i)\\b(owners?|owned by|maintained by|maintainers?"
            + "|provided by|courtesy of|collected by|produced by|published by|compiled by|curated by|released by"
            + "|shared by|donated by|licensed? by|contact|team|department|dept|sponsor)\\b"
            + "|\\b(we|our team|our lab|our group|i)\\b[^.\\n]{0,40}\\b(collect|gather|record|survey|scrap|annotat"
            + "|label|generat|creat|measur|export|download|crawl)");
    private static final Pattern PLATFORM = Pattern.compile("(?i)\\b(kaggle|hugging ?face|huggingface|uci|openml"
            + "|zenodo|figshare|dryad|data\\.gov|tfds|tensorflow datasets|torchvision|torchtext|sklearn\\.datasets"
            + "|bigquery|snowflake|redshift|postgres(ql)?|mysql|databricks|s3 bucket|gcs bucket|data lake"
            + "|data warehouse|api)\\b");
    private static final Pattern SYNTHETIC = Pattern.compile(
            "(?i)\\b(synthetic|simulated|generated (by|with|using|from|in))\\b");
    /** {@code the imdb dataset}, {@code Ames housing data set}: a name before the word, not an article. */
    private static final Pattern NAMED_DATASET = Pattern.compile("(?i)\\b(?!(the|this|our|a|an|that|each|full|whole"
            + "|raw|training|train|test|validation|same|new|original|your|my|their|its|own|given|input|final|"
            + "cleaned|processed|entire|sample|example)\\b)[a-z0-9][\\w-]* (dataset|data set|corpus|benchmark)\\b");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern COMMAND = Pattern.compile("(?i)^(wget|curl|kaggle|dvc|aws|gsutil|gcloud|az|azcopy"
            + "|python|make|bash|sh|psql|bq|hf|huggingface-cli|git|rsync|scp)\\b|\\w\\(");
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.-]*[A-Za-z0-9]");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*");
    private static final Set<String> COMMON = Set.of("i", "csv", "tsv", "json", "jsonl", "xml", "yaml", "yml", "html",
            "pdf", "id", "ids", "url", "urls", "readme", "todo", "tbd", "fixme", "na", "n/a", "pii", "ml", "ai", "ok",
            "utf", "gb", "mb", "kb", "tb", "pr", "faq", "etl", "eda", "the", "this", "that", "these", "those", "we",
            "our", "it", "its", "see", "note", "data", "dataset", "datasets", "python", "pandas", "numpy", "parquet",
            "excel", "markdown", "git", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "english", "raw", "train", "test", "validation", "source", "sources");

    private SourceMentions() {
    }

    /** What names a source in the text, as a reader would call it ("a link"), or empty when nothing does. */
    public static Optional<String> source(String markdown) {
        String text = COMMENT.matcher(markdown).replaceAll("");
        if (URL.matcher(text).find() || LINK.matcher(text).find()) {
            return Optional.of("a link");
        }
        if (DOI.matcher(text).find()) {
            return Optional.of("a DOI");
        }
        if (EMAIL.matcher(text).find() || OWNER.matcher(text).find()) {
            return Optional.of("an owner");
        }
        if (SQL.matcher(text).find() || SCRIPT.matcher(text).find()) {
            return Optional.of("a query or script");
        }
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : text.split("\r\n|\r|\n")) {
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                if (!t.isEmpty()) {
                    return Optional.of("a query or script");
                }
                continue;
            }
            if (!t.startsWith("|") && !t.startsWith("#") && !line.startsWith("    ")) {
                prose.add(t);
            }
        }
        for (String line : prose) {
            Matcher code = INLINE_CODE.matcher(line);
            while (code.find()) {
                String c = code.group(1).strip();
                if (COMMAND.matcher(c).find()) {
                    return Optional.of("a query or script");
                }
                if (HUB_ID.matcher(c).matches() && c.indexOf('/') == c.lastIndexOf('/')
                        && !c.substring(c.lastIndexOf('/')).contains(".")) {
                    return Optional.of("a dataset id");
                }
            }
        }
        String joined = String.join("\n", prose);
        if (PLATFORM.matcher(joined).find() || SYNTHETIC.matcher(joined).find()
                || NAMED_DATASET.matcher(joined).find()) {
            return Optional.of("a named source");
        }
        for (String line : prose) {
            if (hasProperName(INLINE_CODE.matcher(line).replaceAll(" "))) {
                return Optional.of("a named source");
            }
        }
        return Optional.empty();
    }

    /** An acronym anywhere, or a capitalised word that does not start a sentence. */
    private static boolean hasProperName(String line) {
        String text = line.replaceFirst("^([>*+-]|\\d+[.)])\\s+", "");
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (COMMON.contains(w.toLowerCase(Locale.ROOT)) || !Character.isUpperCase(w.charAt(0))) {
                continue;
            }
            long capitals = w.chars().filter(Character::isUpperCase).count();
            if (capitals >= 2 && w.length() >= 2) {
                return true;
            }
            if (w.length() >= 2 && !startsSentence(text, m.start())) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || "*_\"'([".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;".indexOf(text.charAt(i)) >= 0;
    }

    /** The Markdown source of a section: its content lines, subsections included, without its heading. */
    public static String sectionSource(RuleContext ctx, DocSection s) {
        Optional<String> text = ctx.text(s.path());
        if (text.isEmpty()) {
            return s.section().plainText();
        }
        String[] lines = text.get().split("\r\n|\r|\n", -1);
        int start = s.section().line(); // the line after the heading, 0-based
        int end = DocLines.endLine(ctx, s);
        if (start >= end || start >= lines.length) {
            return s.section().plainText();
        }
        return String.join("\n", java.util.Arrays.asList(lines).subList(start, Math.min(end, lines.length)));
    }
}
