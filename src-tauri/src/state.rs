//! What the shell keeps between commands: the opened register (or why it could not be opened)
//! and the language the UI speaks. Commands reach the register only through [`AppState::read`]
//! and [`AppState::write`], which turn every core error into the `{code, message}` body in the
//! UI's language.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;

use chrono::NaiveDate;
use samverkan::error::{Internal, Stopped};
use samverkan::{Error, ErrorBody, ErrorCode, Lang, Register, Template};

/// The opened register, or the error that kept it from opening.
#[derive(Debug)]
pub struct AppState {
    register: Mutex<Opening>,
    lang: Mutex<Lang>,
    path: PathBuf,
}

/// A register being opened on a thread of its own while the window starts, and the outcome.
#[derive(Debug)]
struct Opening {
    thread: Option<JoinHandle<Result<Register, Error>>>,
    outcome: Result<Register, Error>,
}

impl Opening {
    fn done(outcome: Result<Register, Error>) -> Opening {
        Opening {
            thread: None,
            outcome,
        }
    }

    /// The outcome, waiting for the opening thread if it is still at work.
    fn outcome(&mut self) -> &mut Result<Register, Error> {
        if let Some(thread) = self.thread.take() {
            self.outcome = thread.join().unwrap_or_else(|panic| {
                Err(Error::internal(
                    Internal::Opening,
                    Stopped::from_panic(panic),
                ))
            });
        }
        &mut self.outcome
    }
}

impl AppState {
    /// Opens the register at `path`, creating it from the default template on first start.
    /// A failure is kept and reported to the UI on every call, with the file left untouched.
    pub fn open(path: &Path) -> AppState {
        AppState::with(path, Opening::done(open_register(path)))
    }

    /// Like [`AppState::open`], on a thread of its own, so that the window starts meanwhile
    /// (creating the register, its integrity check and daily backup take a while). The first
    /// command waits for it.
    pub fn open_in_background(path: &Path) -> AppState {
        let owned = path.to_owned();
        match std::thread::Builder::new()
            .name("open-register".into())
            .spawn(move || open_register(&owned))
        {
            Ok(thread) => AppState::with(
                path,
                Opening {
                    thread: Some(thread),
                    // Replaced by the thread's outcome before anything reads it.
                    outcome: Err(Error::Locked { holder: None }),
                },
            ),
            Err(_) => AppState::open(path),
        }
    }

    fn with(path: &Path, opening: Opening) -> AppState {
        AppState {
            register: Mutex::new(opening),
            lang: Mutex::new(Lang::default()),
            path: path.to_owned(),
        }
    }

    /// The register's slot, once its opening has finished.
    fn slot(&self) -> Result<MutexGuard<'_, Opening>, ErrorBody> {
        self.register.lock().map_err(|_| self.poisoned())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn lang(&self) -> Lang {
        self.lang.lock().map(|l| *l).unwrap_or_default()
    }

    pub fn set_lang(&self, lang: Lang) {
        if let Ok(mut l) = self.lang.lock() {
            *l = lang;
        }
    }

    /// Today on this computer: the day appointments start and end by default.
    pub fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }

    fn poisoned(&self) -> ErrorBody {
        let message = self.lang().pick(
            "Ett tidigare fel stoppade registret. Starta om Samverkan.",
            "An earlier failure stopped the register. Restart Samverkan.",
        );
        ErrorBody {
            code: ErrorCode::Internal,
            message: message.into(),
            field: None,
        }
    }

    /// Runs a read on the register.
    pub fn read<T>(&self, f: impl FnOnce(&Register) -> Result<T, Error>) -> Result<T, ErrorBody> {
        let lang = self.lang();
        let mut guard = self.slot()?;
        match guard.outcome() {
            Ok(reg) => f(reg).map_err(|e| e.body(lang)),
            Err(e) => Err(e.body(lang)),
        }
    }

    /// Replaces a register that could not be opened by what `open` returns (a restored
    /// register), passing on its value. Refused while a register is open.
    pub fn reopen_with<T>(
        &self,
        open: impl FnOnce(&Path) -> Result<(Register, T), Error>,
    ) -> Result<T, ErrorBody> {
        let lang = self.lang();
        let mut guard = self.slot()?;
        let outcome = guard.outcome();
        if outcome.is_ok() {
            return Err(Error::Locked { holder: None }.body(lang));
        }
        let (reg, value) = open(&self.path).map_err(|e| e.body(lang))?;
        *outcome = Ok(reg);
        Ok(value)
    }

    /// Closes the register as the app exits: the writer's lock is released and marked clean,
    /// so the next start does not take it for a crash.
    pub fn close(&self) {
        if let Ok(mut guard) = self.register.lock() {
            *guard.outcome() = Err(Error::Locked { holder: None });
        }
    }

    /// Runs a change on the register.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut Register) -> Result<T, Error>,
    ) -> Result<T, ErrorBody> {
        let lang = self.lang();
        let mut guard = self.slot()?;
        match guard.outcome() {
            Ok(reg) => f(reg).map_err(|e| e.body(lang)),
            Err(e) => Err(e.body(lang)),
        }
    }
}

fn open_register(path: &Path) -> Result<Register, Error> {
    Register::open_or_create(path, &Template::dalarna())
}
