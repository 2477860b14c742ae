//! The `directives` command: turns flags into a configuration and runs the library.

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

    /// Read inputs as this format instead of choosing by content and extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InFormat>,

    /// Decode inputs with this encoding (gb18030, big5, utf-16le, ...) instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,

    /// Add the entries of a dictionary file (repeatable); they override built-in entries
    /// with the same key.
    #[arg(long = "dict", value_name = "FILE")]
    dicts: Vec<PathBuf>,

    /// Leave out the built-in dictionaries.
    #[arg(long)]
    no_default_dict: bool,

    /// Fail inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 << 20)]
    max_bytes: u64,

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
    /// One JSON object a line, `{"id":..., "text":...}`; other fields pass through as `meta`.
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (args, what) = match cli.command {
        Command::Extract(a) => (a, What::Tasks),
        Command::Segment(a) => (a, What::Sentences),
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
    let extractor = Extractor::builder()
        .no_default_dictionary(args.no_default_dict)
        .dictionary_files(&args.dicts)
        .build()?;
    let encoding = match &args.encoding {
        None => None,
        Some(label) => Some(encoding_for_label(label).ok_or_else(|| {
            Error::Config(format!(
                "--encoding {label:?} is not an encoding label (try gb18030, big5, utf-16le)"
            ))
        })?),
    };
    let load = LoadOptions {
        format: args.input_format.and_then(|f| match f {
            InFormat::Text => Some(Format::Text),
            InFormat::Markdown => Some(Format::Markdown),
            InFormat::Html => Some(Format::Html),
            InFormat::Docx => Some(Format::Docx),
            InFormat::Jsonl => None,
        }),
        encoding,
        max_bytes: args.max_bytes,
    };
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

    let jsonl = matches!(args.input_format, Some(InFormat::Jsonl));
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
