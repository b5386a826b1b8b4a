//! A throwaway Urna server: a fresh SQLite database in a temporary data directory, served on
//! a loopback port from its own runtime and threads, and gone (server, background tasks,
//! files) when stopped. The rehearsal runs an election's copy on one
//! ([`crate::service::rehearsal`]); `urna bench vote --self-hosted` benchmarks one.
//!
//! Its own runtime matters: [`Application::build_with_state`] spawns background tasks (the
//! scheduler, the board publisher, the count resumer) that never end by themselves; dropping
//! the runtime is what ends them, so nothing keeps polling a deleted database.
//! The per-address rate limits are off: every synthetic voter comes from 127.0.0.1.

use std::path::Path;

use urna_store::Db;

use crate::app::{AppState, Application, StartupError, connect_database};
use crate::config::Config;

/// A running throwaway server. Stop it with [`ScratchServer::stop`] (or drop it).
pub struct ScratchServer {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub base_url: String,
    /// Its database, for set-up and for reading the outcome.
    pub db: Db,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    data_dir: Option<tempfile::TempDir>,
}

impl std::fmt::Debug for ScratchServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScratchServer")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// Why a throwaway server did not start.
#[derive(Debug, thiserror::Error)]
pub enum ScratchServerError {
    #[error("cannot create a temporary data directory under {parent}: {source}")]
    TempDir {
        parent: String,
        source: std::io::Error,
    },
    #[error("cannot start the throwaway server's {what}: {source}")]
    Thread {
        what: &'static str,
        source: std::io::Error,
    },
    #[error(transparent)]
    Startup(#[from] StartupError),
    #[error("the throwaway server stopped while starting")]
    Stopped,
}

impl ScratchServer {
    /// Starts a server with default settings over a fresh SQLite database in a temporary
    /// directory under `parent` (the system's temporary directory if `None`), or over
    /// `database` instead when given (a benchmark on PostgreSQL). `worker_threads`: the
    /// server runtime's threads.
    pub async fn start(
        parent: Option<&Path>,
        database: Option<crate::config::DatabaseUrl>,
        worker_threads: usize,
    ) -> Result<ScratchServer, ScratchServerError> {
        let data_dir = match parent {
            Some(p) => tempfile::tempdir_in(p),
            None => tempfile::tempdir(),
        }
        .map_err(|source| ScratchServerError::TempDir {
            parent: parent.map_or_else(
                || std::env::temp_dir().display().to_string(),
                |p| p.display().to_string(),
            ),
            source,
        })?;
        let mut config = Config {
            listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.path().to_owned(),
            database,
            ..Config::default()
        };
        config.rate_limit.enabled = false;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(worker_threads.max(1))
            .thread_name("urna-scratch")
            .enable_all()
            .build()
            .map_err(|source| ScratchServerError::Thread {
                what: "runtime",
                source,
            })?;
        let (ready, started) =
            tokio::sync::oneshot::channel::<Result<(String, Db), StartupError>>();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("urna-scratch".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let setup = async {
                        let db = connect_database(&config).await?;
                        let state = AppState::new(config, db.clone())?;
                        let application = Application::build_with_state(state).await?;
                        Ok::<_, StartupError>((application, db))
                    };
                    let application = match setup.await {
                        Ok((application, db)) => {
                            let _ = ready.send(Ok((application.base_url().to_owned(), db)));
                            application
                        }
                        Err(e) => {
                            let _ = ready.send(Err(e));
                            return;
                        }
                    };
                    let shutdown = async {
                        let _ = stopped.await;
                    };
                    if let Err(e) = application.run_until(shutdown).await {
                        tracing::warn!(error = %e, "the throwaway server stopped");
                    }
                });
                // The runtime drops here, ending every background task of the server.
            })
            .map_err(|source| ScratchServerError::Thread {
                what: "thread",
                source,
            })?;
        let (base_url, db) = started.await.map_err(|_| ScratchServerError::Stopped)??;
        Ok(ScratchServer {
            base_url,
            db,
            stop: Some(stop),
            thread: Some(thread),
            data_dir: Some(data_dir),
        })
    }

    /// Stops the server, waits for its thread (its background tasks end with its runtime),
    /// then closes the database and removes the data directory.
    pub async fn stop(mut self) {
        let thread = self.stop_signal();
        if let Some(thread) = thread {
            let _ = tokio::task::spawn_blocking(move || thread.join()).await;
        }
        self.db.close().await;
        if let Some(dir) = self.data_dir.take()
            && let Err(e) = dir.close()
        {
            tracing::warn!(error = %e, "cannot remove the throwaway server's data directory");
        }
    }

    fn stop_signal(&mut self) -> Option<std::thread::JoinHandle<()>> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.thread.take()
    }
}

impl Drop for ScratchServer {
    fn drop(&mut self) {
        if let Some(thread) = self.stop_signal() {
            let _ = thread.join();
        }
    }
}
