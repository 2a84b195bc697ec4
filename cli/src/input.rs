//! Where records come from: a file (one record), a `.jsonl` file (one record
//! a line), a directory (its `*.json` and `*.jsonl` files, by name), or `-`
//! (stdin: one record for `check`/`apply`/`verify`, JSON lines for `todo`).
//!
//! A batch is read as a stream, one record at a time, so memory does not grow
//! with the number of records; a record that cannot be read is an item of the
//! stream like any other, with where it came from.

use crate::kernel::Failure;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The whole text of `path` (`-`: stdin).
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if is_stdin(path) {
        io::stdin().read_to_string(&mut text)
    } else {
        File::open(path).and_then(|mut f| f.read_to_string(&mut text))
    };
    result.map_err(|e| Failure::io(path, e))?;
    Ok(text)
}

pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn is_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// A file and the line a record starts on.
#[derive(Clone, Debug)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One record of a batch, or why it could not be read.
pub struct Record {
    pub origin: Origin,
    pub text: Result<String, String>,
}

/// The files a batch reads, directories listed, and their total size when
/// every input is a file (for a progress bar).
pub struct Batch {
    inputs: Vec<PathBuf>,
    pub total_bytes: Option<u64>,
}

impl Batch {
    pub fn new(paths: &[PathBuf]) -> Result<Batch, Failure> {
        let mut inputs = Vec::new();
        for path in paths {
            if !is_stdin(path) && path.is_dir() {
                let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                    .map_err(|e| Failure::io(path, e))?
                    .filter_map(|entry| entry.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.is_file() && (is_lines(p) || p.extension().is_some_and(|e| e == "json"))
                    })
                    .collect();
                files.sort();
                inputs.extend(files);
            } else {
                inputs.push(path.clone());
            }
        }
        let total_bytes = inputs
            .iter()
            .map(|p| match is_stdin(p) {
                true => None,
                false => p.metadata().ok().map(|m| m.len()),
            })
            .sum();
        Ok(Batch {
            inputs,
            total_bytes,
        })
    }

    pub fn records(self) -> Records {
        Records {
            inputs: self.inputs.into_iter(),
            lines: None,
        }
    }
}

/// The records of a batch, in order.
pub struct Records {
    inputs: std::vec::IntoIter<PathBuf>,
    lines: Option<Lines>,
}

struct Lines {
    file: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
}

impl Iterator for Records {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(record) => return Some(record),
                    None => self.lines = None,
                }
            }
            let path = self.inputs.next()?;
            let file: Arc<str> = if is_stdin(&path) {
                "-".into()
            } else {
                path.display().to_string().into()
            };
            let origin = Origin {
                file: file.clone(),
                line: 1,
            };
            if is_stdin(&path) {
                self.lines = Some(Lines::new(file, Box::new(BufReader::new(io::stdin()))));
            } else if is_lines(&path) {
                match File::open(&path) {
                    Ok(f) => {
                        self.lines = Some(Lines::new(file, Box::new(BufReader::new(f))));
                    }
                    Err(e) => {
                        return Some(Record {
                            origin,
                            text: Err(e.to_string()),
                        })
                    }
                }
            } else {
                let text = std::fs::read(&path)
                    .map_err(|e| e.to_string())
                    .and_then(utf8);
                return Some(Record { origin, text });
            }
        }
    }
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text ({e})"))
}

impl Lines {
    fn new(file: Arc<str>, reader: Box<dyn BufRead + Send>) -> Lines {
        Lines {
            file,
            reader,
            line: 0,
            buf: Vec::new(),
        }
    }

    /// The next non-blank line.
    fn next(&mut self) -> Option<Record> {
        loop {
            self.buf.clear();
            self.line += 1;
            let origin = Origin {
                file: self.file.clone(),
                line: self.line,
            };
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => {
                    let text = utf8(std::mem::take(&mut self.buf));
                    return Some(Record { origin, text });
                }
                Err(e) => {
                    // An unreadable stream ends here, said once.
                    self.buf.clear();
                    let text = Err(e.to_string());
                    self.reader = Box::new(io::empty());
                    return Some(Record { origin, text });
                }
            }
        }
    }
}
