//! Where a server keeps its state, for the commands that work on it besides `urna serve`
//! (`admin`, `backup`, `restore`): the same flags and configuration file as `urna serve`.

use std::path::PathBuf;

use urna_web::{Config, ConfigSources};

#[derive(Debug, clap::Args)]
pub struct StateArgs {
    /// Configuration file [default: urna.toml, if present].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Database URL: sqlite:… or postgres://… [default: SQLite in the data directory].
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// Directory for the embedded database and other state [default: ./.urna].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

impl StateArgs {
    /// The resolved configuration (file, `URNA_*` variables, these flags).
    pub fn config(&self) -> anyhow::Result<Config> {
        Ok(Config::load(&ConfigSources {
            file: self.config.clone(),
            database: self.database.clone(),
            data_dir: self.data_dir.clone(),
            ..ConfigSources::default()
        })?)
    }
}
