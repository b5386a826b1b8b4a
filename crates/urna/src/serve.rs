//! `urna serve`: runs the election server.
//!
//! The flags are the raw layer; `urna_web::Config::load` resolves them together with
//! `urna.toml` and `URNA_*` environment variables into the checked configuration (flags win).
//! Logs go to stderr (`RUST_LOG` filters them); SIGINT or SIGTERM stops the server after the
//! requests in flight.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use urna_web::{Application, Config, ConfigSources};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Configuration file [default: urna.toml, if present].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
    /// Database URL: sqlite:… or postgres://… [default: SQLite in the data directory].
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// Directory for the embedded database and other state [default: ./.urna].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Also create a demo election that anyone can open and vote in.
    #[arg(long)]
    demo: bool,
}

impl ServeArgs {
    fn sources(&self) -> ConfigSources {
        ConfigSources {
            file: self.config.clone(),
            listen: self.listen.map(|a| a.to_string()),
            database: self.database.clone(),
            data_dir: self.data_dir.clone(),
            demo: self.demo,
        }
    }
}

/// Runs the server until it is stopped. Returns the (empty) output for `main` to print.
pub fn run(args: ServeArgs) -> anyhow::Result<String> {
    let config = Config::load(&args.sources())?;
    urna_web::telemetry::init();
    // The database URL is shown with its password masked (`Display` of DatabaseUrl).
    tracing::info!(
        listen = %config.listen,
        database = %config.database_url(),
        public_url = config.public_url.as_ref().map(|u| u.as_str()),
        "starting urna serve"
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let application = Application::build(config).await?;
        if let Some(instructions) = application.demo_instructions() {
            // To stdout, for the person who started the server (logs go to stderr).
            let mut stdout = std::io::stdout().lock();
            std::io::Write::write_all(&mut stdout, instructions.as_bytes())
                .and_then(|()| std::io::Write::flush(&mut stdout))
                .context("cannot print the demo election's links")?;
        }
        application
            .run_until_stopped()
            .await
            .context("the server stopped with an error")
    })?;
    Ok(String::new())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::ServeArgs;

    #[derive(Debug, Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: ServeArgs,
    }

    #[test]
    fn flags_become_the_top_configuration_layer() {
        let wrapper = Wrapper::try_parse_from([
            "serve",
            "--listen",
            "0.0.0.0:9000",
            "--database",
            "postgres://urna@localhost/urna",
            "--data-dir",
            "/srv/urna",
            "--demo",
        ])
        .expect("valid flags");
        let sources = wrapper.args.sources();
        assert_eq!(sources.listen.as_deref(), Some("0.0.0.0:9000"));
        assert_eq!(
            sources.database.as_deref(),
            Some("postgres://urna@localhost/urna")
        );
        assert_eq!(sources.data_dir, Some("/srv/urna".into()));
        assert!(sources.demo);
        assert_eq!(sources.file, None);
    }

    #[test]
    fn a_bad_listen_flag_names_the_flag_and_value() {
        let error = Wrapper::try_parse_from(["serve", "--listen", "localhost"])
            .expect_err("not an IP:port")
            .to_string();
        assert!(error.contains("--listen"), "{error}");
        assert!(error.contains("'localhost'"), "{error}");
    }
}
