//! The `directives` command: turns flags into a configuration and runs the library.

/// mimalloc: the compilers of regexes and automata allocate and free large tables at start-up,
/// which the system allocator hands back to the kernel and faults in again each time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use directives::decode::encoding_for_label;
use directives::formats::{Format, LoadOptions};
use directives::input::{self, Input, Item, ReadOptions, WalkOptions};
use directives::output::{self, DocumentRecord, Status, What};
use directives::run::{self, Progress, RunOptions};
use directives::{eval, explain};
use directives::{Error, Extractor};

/// Extract directives (who must do what, by when, said by whom) from Chinese and English
/// official texts, each cited by its sentence.
#[derive(Parser, Debug)]
#[command(name = "directives", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Find the directives in each input and print them as tasks.
    Extract(RunArgs),
    /// Split each input into sentences, as the extractor sees them.
    Segment(RunArgs),
    /// Show why each sentence was or was not taken: hits, checks, layout, actor, speaker, deadline.
    Explain(ExplainArgs),
    /// Print the text an input's offsets refer to: the decoded file, or the text extracted
    /// from an HTML page, a .docx or subtitles. `text[start:end]` of any record is its words.
    Text(TextArgs),
    /// Score the extractor against a file of hand-labelled sentences.
    Eval(EvalArgs),
    /// Check dictionary files, or list the merged dictionary.
    #[command(subcommand)]
    Dict(DictCommand),
    /// Print the JSON Schema (2020-12) of the output records.
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `directives man > directives.1`.
    Man,
}

#[derive(Args, Debug)]
struct RunArgs {
    /// Input files or directories (walked recursively, in sorted order); `-` or none reads
    /// standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<OsString>,

    /// Read more input paths from FILE, one a line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,

    /// Include or exclude files found in directories (`*.txt`, `!*.bak`); repeatable.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    globs: Vec<String>,

    /// Follow symbolic links in directories.
    #[arg(long)]
    follow: bool,

    /// Honour .gitignore files found in directories.
    #[arg(long)]
    gitignore: bool,

    /// Output format [default: text at a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<OutFormat>,

    /// Colour the text format: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Start CSV output with a byte-order mark, for spreadsheet programs.
    #[arg(long)]
    bom: bool,

    #[command(flatten)]
    read: ReadArgs,

    #[command(flatten)]
    dict: DictArgs,

    /// Worker threads [default: all cores]. The output is the same for any number.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Write the output to FILE, atomically (a temporary file renamed when complete).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,

    /// No progress bar and no error lines on stderr (the records still say everything).
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// How inputs are read.
#[derive(Args, Debug, Clone)]
struct ReadArgs {
    /// Read inputs as this format instead of choosing by content and extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InFormat>,

    /// Decode inputs with this encoding (gb18030, big5, utf-16le, ...) instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// Fail inputs larger than this many bytes; K, M and G multiply by 1024, 1024² and
    /// 1024³ (300M, 1G).
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    max_bytes: u64,
}

/// A size in bytes: digits, then perhaps K, M or G (any case) for 1024, 1024² or 1024³.
fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, shift) = match s.char_indices().last() {
        Some((k, c)) if c.eq_ignore_ascii_case(&'k') => (&s[..k], 10),
        Some((k, c)) if c.eq_ignore_ascii_case(&'m') => (&s[..k], 20),
        Some((k, c)) if c.eq_ignore_ascii_case(&'g') => (&s[..k], 30),
        _ => (s, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size: digits, then perhaps K, M or G"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

/// Which dictionaries to use.
#[derive(Args, Debug, Clone)]
struct DictArgs {
    /// Add the entries of a dictionary file (repeatable); they override built-in entries
    /// with the same key.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,

    /// Leave out the built-in dictionaries.
    #[arg(long)]
    no_default_dict: bool,

    /// Rename transcript speaker labels: a file of `label<TAB>name` lines
    /// ("发言人1<TAB>王明").
    #[arg(long, value_name = "FILE")]
    speakers: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct TextArgs {
    /// The input file; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    path: Option<OsString>,

    #[command(flatten)]
    read: ReadArgs,
}

#[derive(Args, Debug)]
struct ExplainArgs {
    /// Input files; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<OsString>,

    /// Explain the sentences on this line, whatever they hold.
    #[arg(long, value_name = "N", conflicts_with = "grep")]
    line: Option<usize>,

    /// Explain the sentences containing this text, whatever they hold.
    #[arg(long, value_name = "TEXT")]
    grep: Option<String>,

    /// text for people, json for scripts (one JSON object a sentence, a line each).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,

    #[command(flatten)]
    read: ReadArgs,

    #[command(flatten)]
    dict: DictArgs,
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// The gold file: one JSON object a line, {"doc","text","label","actor","speaker"}.
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,

    /// The folder holding the gold file's documents [default: the folder of each FILE].
    #[arg(long, value_name = "DIR")]
    docs: Option<PathBuf>,

    /// The documents to run on, matched to the gold by file name [default: every document the
    /// gold names, from --docs].
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// text for people, json for scripts.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,

    #[command(flatten)]
    dict: DictArgs,
}

#[derive(Subcommand, Debug)]
enum DictCommand {
    /// Validate dictionary files: columns, values, regexes, keys given twice, dead entries, and
    /// each entry's example sentence. With no file, checks the built-in dictionaries.
    Check {
        /// Dictionary files.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Check the files on their own, not added to the built-in dictionaries.
        #[arg(long)]
        no_default_dict: bool,
    },
    /// Print the merged dictionary: kind, language, key, source file and line, details.
    List {
        #[command(flatten)]
        dict: DictArgs,
        /// Only this kind (triggers, blockers, speakers, deadlines, dates, words, markers).
        #[arg(long)]
        kind: Option<String>,
        /// Only this language (zh, en).
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ReportFormat {
    /// For people.
    Text,
    /// For scripts.
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutFormat {
    /// One JSON record a line: tasks, then a document record per input, then a summary.
    Jsonl,
    /// The same records as one JSON value.
    Json,
    /// Readable lines for people.
    Text,
    /// One CSV row a task, with columns Jira and Linear importers map (extract only).
    Csv,
    /// JSON for Taskwarrior's `task import` (extract only).
    Taskwarrior,
    /// An iCalendar file, one VTODO a task (extract only).
    Ics,
    /// A report: tasks by document and speaker, counts by modality and actor (extract only).
    Markdown,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum InFormat {
    /// Plain text.
    Text,
    /// Markdown (markup is ignored, offsets stay those of the file).
    Markdown,
    /// An HTML page (offsets refer to the extracted text).
    Html,
    /// A Word .docx document (offsets refer to the extracted text).
    Docx,
    /// WebVTT subtitles (offsets refer to the text of the cues).
    Vtt,
    /// SRT subtitles (offsets refer to the text of the cues).
    Srt,
    /// A transcript of labelled turns: "主持人：", "MR. JIN:", "发言人1 00:03:15".
    Transcript,
    /// One JSON object a line, `{"id":..., "text":...}`; other fields pass through as `meta`.
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (args, what) = match cli.command {
        Command::Extract(a) => (a, What::Tasks),
        Command::Segment(a) => (a, What::Sentences),
        Command::Explain(a) => return finish(explain(a)),
        Command::Text(a) => return finish(text(a)),
        Command::Eval(a) => return finish(eval(a)),
        Command::Dict(c) => return finish(dict(c)),
        Command::Schema => return print(&format!("{:#}\n", directives::output::schema::schema())),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "directives", &mut buf);
            return print(&String::from_utf8_lossy(&buf));
        }
        Command::Man => {
            let mut buf = Vec::new();
            let cmd = <Cli as clap::CommandFactory>::command();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut buf) {
                eprintln!("directives: {e}");
                return ExitCode::from(2);
            }
            return print(&String::from_utf8_lossy(&buf));
        }
    };
    match run(args, what) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("directives: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to stdout; a closed pipe is not an error.
fn print(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("directives: <stdout>: {e}");
            ExitCode::from(2)
        }
    }
}

/// The exit code of a command, printing its error.
fn finish(result: Result<ExitCode, Error>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("directives: {e}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

/// Prints failed inputs on stderr and draws a progress bar when stderr is a terminal.
struct Reporter {
    quiet: bool,
    bar: Option<indicatif::ProgressBar>,
    tasks: usize,
    errors: usize,
}

impl Progress for Reporter {
    fn finished(&mut self, doc: &DocumentRecord) {
        self.tasks += doc.tasks;
        if doc.status == Status::Error {
            self.errors += 1;
            if !self.quiet {
                let line = format!(
                    "directives: {}",
                    doc.error.as_deref().unwrap_or(&doc.document)
                );
                match &self.bar {
                    Some(bar) => bar.println(line),
                    None => eprintln!("{line}"),
                }
            }
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(format!("{} tasks, {} errors", self.tasks, self.errors));
        }
    }
}

fn run(args: RunArgs, what: What) -> Result<ExitCode, Error> {
    let mut extractor = build_extractor(&args.dict)?;
    extractor.set_keep_analysis(false);
    let load = load_options(&args.read, &extractor)?;
    let opts = RunOptions {
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        read: ReadOptions { load },
        what,
    };
    let mut inputs: Vec<Input> = args.paths.iter().map(|p| Input::from_arg(p)).collect();
    if let Some(list) = &args.files_from {
        inputs.extend(input::files_from(list)?);
    }
    if inputs.is_empty() {
        inputs.push(Input::Stdin);
    }
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let format = match args.format {
        Some(OutFormat::Jsonl) => output::Format::Jsonl,
        Some(OutFormat::Json) => output::Format::Json,
        Some(OutFormat::Text) => output::Format::Text,
        Some(OutFormat::Csv) => output::Format::Csv,
        Some(OutFormat::Taskwarrior) => output::Format::Taskwarrior,
        Some(OutFormat::Ics) => output::Format::Ics,
        Some(OutFormat::Markdown) => output::Format::Markdown,
        None if to_terminal => output::Format::Text,
        None => output::Format::Jsonl,
    };
    if what == What::Sentences && format.tasks_only() {
        return Err(Error::Config("segment writes jsonl, json or text; csv, taskwarrior, ics and markdown are for extract".into()));
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };

    // Where the records go: stdout, or a temporary file renamed over --output at the end.
    let mut temp = match &args.output {
        Some(path) => Some(temp_beside(path)?),
        None => None,
    };
    let out: Box<dyn Write> = match &temp {
        Some(t) => Box::new(io::BufWriter::new(
            t.reopen().map_err(|e| Error::io(display(t.path()), e))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let out_name = args
        .output
        .as_deref()
        .map_or_else(|| "<stdout>".to_string(), display);
    let out_err = |e: io::Error| Error::io(out_name.clone(), e);
    let mut sink = output::sink(
        format,
        what,
        out,
        output::SinkOptions {
            color,
            bom: args.bom,
        },
    );

    let jsonl = matches!(args.read.input_format, Some(InFormat::Jsonl));
    let summary = if jsonl {
        let mut reporter = Reporter {
            quiet: args.quiet,
            bar: None,
            tasks: 0,
            errors: 0,
        };
        run::run_jsonl(&extractor, &inputs, &opts, sink.as_mut(), &mut reporter).map_err(out_err)?
    } else {
        let walk = WalkOptions {
            follow_links: args.follow,
            gitignore: args.gitignore,
            globs: args.globs.clone(),
        };
        let items: Vec<Item> = input::expand(&inputs, &walk)?;
        let bar = (!args.quiet && items.len() > 4 && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(items.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} files  {msg}  {elapsed}",
                )
                .expect("valid template"),
            );
            bar
        });
        let mut reporter = Reporter {
            quiet: args.quiet,
            bar,
            tasks: 0,
            errors: 0,
        };
        let summary =
            run::run(&extractor, &items, &opts, sink.as_mut(), &mut reporter).map_err(out_err)?;
        if let Some(bar) = &reporter.bar {
            bar.finish_and_clear();
        }
        summary
    };
    drop(sink);
    if let (Some(t), Some(path)) = (temp.take(), &args.output) {
        t.persist(path)
            .map_err(|e| Error::io(display(path), e.error))?;
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn build_extractor(d: &DictArgs) -> Result<Extractor, Error> {
    let mut b = Extractor::builder()
        .no_default_dictionary(d.no_default_dict)
        .dictionary_files(&d.dicts);
    if let Some(map) = &d.speakers {
        b = b.speaker_names_file(map);
    }
    b.build()
}

fn load_options(r: &ReadArgs, ex: &Extractor) -> Result<LoadOptions, Error> {
    let encoding = match &r.encoding {
        None => None,
        Some(label) => Some(encoding_for_label(label).ok_or_else(|| {
            Error::Config(format!(
                "--encoding {label:?} is not an encoding label (try gb18030, big5, utf-16le)"
            ))
        })?),
    };
    Ok(LoadOptions {
        format: r.input_format.and_then(|f| match f {
            InFormat::Text => Some(Format::Text),
            InFormat::Markdown => Some(Format::Markdown),
            InFormat::Html => Some(Format::Html),
            InFormat::Docx => Some(Format::Docx),
            InFormat::Vtt => Some(Format::Vtt),
            InFormat::Srt => Some(Format::Srt),
            InFormat::Transcript => Some(Format::Transcript),
            InFormat::Jsonl => None,
        }),
        encoding,
        max_bytes: r.max_bytes,
        turns: Some(ex.turn_patterns()),
    })
}

fn text(args: TextArgs) -> Result<ExitCode, Error> {
    let extractor = build_extractor(&DictArgs {
        dicts: Vec::new(),
        no_default_dict: false,
        speakers: None,
    })?;
    let read = ReadOptions {
        load: load_options(&args.read, &extractor)?,
    };
    let input = args.path.as_deref().map_or(Input::Stdin, Input::from_arg);
    match input::read(&input, &read) {
        Ok(directives::formats::Loaded::Doc(d)) => Ok(print(&d.text)),
        Ok(directives::formats::Loaded::Skipped(reason)) => {
            eprintln!("directives: {}: skipped: {reason}", input.name());
            Ok(ExitCode::from(1))
        }
        // The input failed, not the configuration: exit 1, as extract does.
        Err(e) => {
            eprintln!("directives: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

fn explain(args: ExplainArgs) -> Result<ExitCode, Error> {
    let extractor = build_extractor(&args.dict)?;
    let read = ReadOptions {
        load: load_options(&args.read, &extractor)?,
    };
    let filter = match (args.line, args.grep) {
        (Some(n), _) => explain::Filter::Line(n),
        (None, Some(g)) => explain::Filter::Grep(g),
        (None, None) => explain::Filter::Interesting,
    };
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths.iter().map(|p| Input::from_arg(p)).collect()
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let out_err = |e: io::Error| Error::io("<stdout>", e);
    let mut failed = false;
    for inp in &inputs {
        let doc = match input::read(inp, &read) {
            Ok(directives::formats::Loaded::Doc(d)) => d,
            Ok(directives::formats::Loaded::Skipped(reason)) => {
                eprintln!("directives: {}: skipped: {reason}", inp.name());
                continue;
            }
            Err(e) => {
                eprintln!("directives: {e}");
                failed = true;
                continue;
            }
        };
        let explained = explain::explain(&extractor, &doc, &filter);
        match args.format {
            ReportFormat::Text => explain::write_text(&mut out, &explained).map_err(out_err)?,
            ReportFormat::Json => {
                for e in &explained {
                    serde_json::to_writer(&mut out, e).map_err(|e| out_err(e.into()))?;
                    out.write_all(b"\n").map_err(out_err)?;
                }
            }
        }
    }
    out.flush().map_err(out_err)?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn eval(args: EvalArgs) -> Result<ExitCode, Error> {
    use std::collections::HashMap;
    let extractor = build_extractor(&args.dict)?;
    let gold_name = display(&args.gold);
    let gold_text = std::fs::read_to_string(&args.gold)
        .map_err(|e| Error::Config(format!("--gold {gold_name}: {e}")))?;
    let gold = eval::load_gold(&gold_name, &gold_text).map_err(Error::Config)?;
    // Each gold document's path: among FILES by file name, else under --docs.
    let mut paths: HashMap<String, PathBuf> = HashMap::new();
    for g in &gold {
        if paths.contains_key(&g.doc) {
            continue;
        }
        let path = args
            .files
            .iter()
            .find(|f| f.file_name().is_some_and(|n| n.to_string_lossy() == g.doc))
            .cloned()
            .or_else(|| args.docs.as_ref().map(|d| d.join(&g.doc)))
            .ok_or_else(|| Error::Config(format!("{gold_name}: no file for the gold document {:?}; give it as FILE or use --docs DIR", g.doc)))?;
        paths.insert(g.doc.clone(), path);
    }
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut tasks = Vec::new();
    let mut names: Vec<&String> = paths.keys().collect();
    names.sort();
    for name in names {
        let path = &paths[name];
        let encoding = gold
            .iter()
            .find(|g| &g.doc == name)
            .and_then(|g| g.encoding.as_deref())
            .and_then(encoding_for_label);
        let read = ReadOptions {
            load: LoadOptions {
                encoding,
                ..LoadOptions::default()
            },
        };
        let doc = match input::read(&Input::Path(path.clone()), &read)? {
            directives::formats::Loaded::Doc(d) => d,
            directives::formats::Loaded::Skipped(reason) => {
                return Err(Error::Config(format!("{}: {reason}", display(path))))
            }
        };
        let (records, _) = directives::run::analyse(&extractor, &doc, What::Tasks);
        if let output::Records::Tasks(t) = records {
            tasks.extend(t);
        }
        texts.insert(name.clone(), doc.text);
    }
    let report = eval::score(&gold, &texts, &tasks).map_err(Error::Config)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let out_err = |e: io::Error| Error::io("<stdout>", e);
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report).map_err(|e| out_err(e.into()))?;
            writeln!(out).map_err(out_err)?;
        }
        ReportFormat::Text => eval_text(&mut out, &report).map_err(out_err)?,
    }
    out.flush().map_err(out_err)?;
    Ok(ExitCode::SUCCESS)
}

fn eval_text(out: &mut dyn Write, r: &eval::Report) -> io::Result<()> {
    let acc = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
    let row = |out: &mut dyn Write, name: &str, s: &eval::Scores| {
        writeln!(
            out,
            "{name:<44} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>8} {:>6} {:>5}",
            s.precision,
            s.recall,
            s.f1,
            acc(s.actor_acc),
            acc(s.speaker_acc),
            s.tasks,
            s.gold
        )
    };
    writeln!(
        out,
        "{:<44} {:>6} {:>6} {:>6} {:>6} {:>8} {:>6} {:>5}",
        "", "P", "R", "F1", "actor", "speaker", "tasks", "gold"
    )?;
    for (lang, s) in &r.per_lang {
        row(out, lang, s)?;
    }
    for (doc, s) in &r.per_document {
        row(out, &format!("  {doc}"), s)?;
    }
    if !r.misses.is_empty() {
        writeln!(out, "\nmissed directives:")?;
        for m in &r.misses {
            writeln!(
                out,
                "  {}:{}: {}",
                m.doc,
                m.line,
                m.text.split_whitespace().collect::<Vec<_>>().join(" ")
            )?;
        }
    }
    if !r.false_hits.is_empty() {
        writeln!(out, "\nfalse hits:")?;
        for f in &r.false_hits {
            writeln!(
                out,
                "  {}:{}: {} [{}]",
                f.doc,
                f.line,
                f.text.split_whitespace().collect::<Vec<_>>().join(" "),
                f.rule
            )?;
        }
    }
    if !r.field_errors.is_empty() {
        writeln!(out, "\nwrong fields:")?;
        for e in &r.field_errors {
            writeln!(
                out,
                "  {}:{}: {} expected {:?}, got {:?}",
                e.doc, e.line, e.field, e.expected, e.got
            )?;
        }
    }
    Ok(())
}

fn dict(cmd: DictCommand) -> Result<ExitCode, Error> {
    use directives::dictcheck;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let out_err = |e: io::Error| Error::io("<stdout>", e);
    match cmd {
        DictCommand::Check {
            files,
            no_default_dict,
        } => {
            let base = if no_default_dict {
                directives::Dictionary::empty()
            } else {
                directives::Dictionary::builtin()
            };
            let mut dict = base.clone();
            let mut problems = Vec::new();
            let mut checked = Vec::new();
            for f in &files {
                let name = display(f);
                let bytes = std::fs::read(f).map_err(|e| Error::Config(format!("{name}: {e}")))?;
                let Ok(text) = String::from_utf8(bytes) else {
                    problems.push(dictcheck::Problem {
                        origin: name,
                        message: "a dictionary must be UTF-8".into(),
                    });
                    continue;
                };
                let (p, notes) = dictcheck::check_file(&name, &text, &dict);
                for n in notes {
                    writeln!(out, "{n}").map_err(out_err)?;
                }
                problems.extend(p);
                // Whatever else is wrong, a file that parses gets its examples run.
                if dict.add_file(&name, &text).is_ok() {
                    checked.push(name);
                }
            }
            if files.is_empty() {
                problems.extend(dictcheck::check_examples(&dict, None)?);
                for (name, text) in directives::dictionary::BUILTIN_FILES {
                    problems.extend(
                        dictcheck::check_file(
                            &format!("builtin:{name}"),
                            text,
                            &directives::Dictionary::empty(),
                        )
                        .0,
                    );
                }
            } else {
                for name in &checked {
                    problems.extend(dictcheck::check_examples(&dict, Some(name))?);
                }
            }
            for p in &problems {
                writeln!(out, "{p}").map_err(out_err)?;
            }
            let what = if files.is_empty() {
                "the built-in dictionaries".to_string()
            } else {
                format!("{} file(s)", files.len())
            };
            writeln!(out, "{}: {} problem(s)", what, problems.len()).map_err(out_err)?;
            out.flush().map_err(out_err)?;
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        DictCommand::List { dict, kind, lang } => {
            let ex = build_extractor(&dict)?;
            for row in dictcheck::list(ex.dictionary()) {
                if kind.as_deref().is_some_and(|k| k != row[0])
                    || lang.as_deref().is_some_and(|l| l != row[1])
                {
                    continue;
                }
                writeln!(out, "{}", row.join("\t")).map_err(out_err)?;
            }
            out.flush().map_err(out_err)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// A temporary file in the directory of `path`, so that the final rename stays on one
/// file system and is atomic.
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile, Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(".directives-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::Config(format!("--output {}: {e}", display(path))))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("1K"), Ok(1024));
        assert_eq!(parse_size("300m"), Ok(300 << 20));
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        for bad in ["", "K", "1.5G", "-1", "12T", "1 K"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
        assert!(parse_size("18446744073709551615K").is_err());
    }
}
