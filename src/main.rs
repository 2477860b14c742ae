//! The `directives` command: turns flags into a configuration and runs the library.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use directives::input::{self, Input, ReadOptions};
use directives::output::{self, Citer, Records, Status, Summary, What};
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
}

#[derive(Args, Debug)]
struct RunArgs {
    /// Input files; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<OsString>,

    /// Output format [default: text at a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<OutFormat>,

    /// Read inputs as this format instead of choosing by extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InFormat>,

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
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutFormat {
    /// One JSON record a line: tasks, then a document record per input, then a summary.
    Jsonl,
    /// The same records as one JSON value.
    Json,
    /// Readable lines for people.
    Text,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum InFormat {
    /// Plain text.
    Text,
    /// Markdown (markup is ignored, offsets stay those of the file).
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (args, what) = match cli.command {
        Command::Extract(a) => (a, What::Tasks),
        Command::Segment(a) => (a, What::Sentences),
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

fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

fn run(args: RunArgs, what: What) -> Result<ExitCode, Error> {
    let extractor = Extractor::builder()
        .no_default_dictionary(args.no_default_dict)
        .dictionary_files(&args.dicts)
        .build()?;
    let format = match args.format {
        Some(OutFormat::Jsonl) => output::Format::Jsonl,
        Some(OutFormat::Json) => output::Format::Json,
        Some(OutFormat::Text) => output::Format::Text,
        None if io::stdout().is_terminal() => output::Format::Text,
        None => output::Format::Jsonl,
    };
    let opts = ReadOptions {
        max_bytes: args.max_bytes,
        format: args.input_format.map(|f| match f {
            InFormat::Text => input::Format::Text,
            InFormat::Markdown => input::Format::Markdown,
        }),
    };
    let inputs: Vec<Input> = if args.paths.is_empty() {
        vec![Input::Stdin]
    } else {
        args.paths.iter().map(|p| Input::from_arg(p)).collect()
    };

    let stdout = io::stdout();
    let mut sink = output::sink(format, what, Box::new(io::BufWriter::new(stdout.lock())));
    let out_err = |e: io::Error| Error::io("<stdout>", e);
    let mut summary = Summary::new();
    for inp in &inputs {
        let (records, doc_record) = match input::read(inp, &opts) {
            Ok(doc) => {
                let ex = extractor.extract(&doc);
                let citer = Citer::new(&doc);
                let records = match what {
                    What::Tasks => Records::Tasks(
                        ex.tasks
                            .iter()
                            .map(|t| citer.task(&ex, &extractor, t))
                            .collect(),
                    ),
                    What::Sentences => Records::Sentences(
                        (0..ex.sentences.len())
                            .map(|i| citer.sentence_record(&ex, i))
                            .collect(),
                    ),
                };
                let n = ex.tasks.len();
                (records, citer.document(&ex, n))
            }
            Err(e) if e.is_per_document() => {
                eprintln!("directives: {e}");
                let empty = match what {
                    What::Tasks => Records::Tasks(Vec::new()),
                    What::Sentences => Records::Sentences(Vec::new()),
                };
                (
                    empty,
                    output::failed_document(&inp.name(), Status::Error, e.to_string()),
                )
            }
            Err(e) => return Err(e),
        };
        summary.add(&doc_record);
        sink.document(&records, &doc_record).map_err(out_err)?;
    }
    sink.finish(&summary).map_err(out_err)?;
    let _ = io::stdout().flush();
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
