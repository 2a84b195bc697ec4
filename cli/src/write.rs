//! Replacing a file atomically: the new text goes to a temporary file beside
//! it, is flushed to disk (fsync), and is renamed over the old one, so a
//! reader sees the old file or the new one, never half of one.

use crate::kernel::Failure;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file being written in place of `target`; `commit` puts it there.
pub struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<AtomicFile, Failure> {
        // Write through a symbolic link to the file it names.
        let target = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".govit-").suffix(".tmp");
        // A new file gets the usual permissions (less the umask), not a temporary file's.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder
            .tempfile_in(&dir)
            .map_err(|e| Failure::io(&target, e))?;
        if let Ok(meta) = std::fs::metadata(&target) {
            // The new file keeps the old one's permissions.
            let _ = tmp.as_file().set_permissions(meta.permissions());
        }
        Ok(AtomicFile { tmp, target })
    }

    pub fn commit(self) -> Result<(), Failure> {
        let AtomicFile { tmp, target } = self;
        tmp.as_file()
            .sync_all()
            .map_err(|e| Failure::io(&target, e))?;
        tmp.persist(&target)
            .map_err(|e| Failure::io(&target, e.error))?;
        // The rename itself is durable once the directory is flushed.
        #[cfg(unix)]
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| Failure::io(&target, e))?;
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// Replaces `path` with `text`, atomically.
pub fn replace(path: &Path, text: &str) -> Result<(), Failure> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(text.as_bytes())
        .map_err(|e| Failure::io(path, e))?;
    file.commit()
}
