//! Outgoing e-mail: the SMTP transport built from the `[smtp]` configuration (lettre, rustls),
//! and sending one plain-text message.
//!
//! What is sent, and when, is the service layer's business ([`crate::service::mail`]). This
//! module never logs a message or its body: a voting-link e-mail carries a secret token.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use crate::config::{Config, SmtpConfig, SmtpTls};

/// How long one SMTP conversation may take before it counts as failed.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// Why a message could not be sent, or the transport not built. The texts name the value at
/// fault and never contain a message body.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP settings for host {host:?} could not be used: {detail}")]
    Setup { host: String, detail: String },
    #[error("{address:?} is not an e-mail address mail can be sent to: {detail}")]
    BadRecipient { address: String, detail: String },
    #[error("the message could not be built: {0}")]
    Build(String),
    /// The server refused (its reply) or could not be reached. `permanent`: a 5xx reply,
    /// which sending again unchanged will not mend (a bounce).
    #[error("the SMTP server did not accept the message: {reply}")]
    Smtp { reply: String, permanent: bool },
}

impl MailError {
    /// Whether sending again unchanged is pointless: the server refused for good, or the
    /// address or message is unusable. A connection failure or 4xx reply is temporary.
    pub fn is_permanent(&self) -> bool {
        match self {
            MailError::Smtp { permanent, .. } => *permanent,
            MailError::BadRecipient { .. } | MailError::Build(_) => true,
            MailError::Setup { .. } => false,
        }
    }
}

/// The configured outgoing mail: transport, sender, and the public base URL for links.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    base_url: String,
    host: String,
    port: u16,
    /// Held while voting links are being issued and sent, so two sends (a double click) do
    /// not interleave and leave a voter's newest e-mail holding an already replaced link.
    link_sending: Arc<tokio::sync::Mutex<()>>,
}

impl fmt::Debug for Mailer {
    // The transport holds the SMTP credentials: never printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("from", &self.from.to_string())
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// The mailer of a configuration, or `None` when it has no `[smtp]` section. The checked
    /// configuration always has a public URL when it has SMTP settings.
    pub fn from_config(config: &Config) -> Result<Option<Mailer>, MailError> {
        let Some(smtp) = &config.smtp else {
            return Ok(None);
        };
        let base_url = config
            .public_url
            .as_ref()
            .map(|u| u.as_str().to_owned())
            .ok_or_else(|| MailError::Setup {
                host: smtp.host.clone(),
                detail: "public_url is not set, and links in e-mails need it".into(),
            })?;
        Self::new(smtp, base_url).map(Some)
    }

    pub fn new(smtp: &SmtpConfig, base_url: String) -> Result<Mailer, MailError> {
        let host = smtp.host.trim();
        let setup = |e: lettre::transport::smtp::Error| MailError::Setup {
            host: host.to_owned(),
            detail: e.to_string(),
        };
        let mut builder = match smtp.tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            SmtpTls::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(setup)?
            }
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(setup)?,
        }
        .port(smtp.port)
        .timeout(Some(SMTP_TIMEOUT));
        if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            transport: builder.build(),
            from: smtp.from.mailbox().clone(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            host: host.to_owned(),
            port: smtp.port,
            link_sending: Arc::new(tokio::sync::Mutex::new(())),
        })
    }

    /// The public base URL links in messages start with (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Waits for other link sends of this server to finish; hold the guard while sending.
    pub async fn lock_link_sending(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.link_sending.lock().await
    }

    /// Sends one plain-text message to `to`; the server's reply (code and text).
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<String, MailError> {
        let recipient: Mailbox =
            to.trim()
                .parse()
                .map_err(|e: lettre::address::AddressError| MailError::BadRecipient {
                    address: to.to_owned(),
                    detail: e.to_string(),
                })?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        match self.transport.send(message).await {
            Ok(response) => {
                let text: Vec<&str> = response.message().collect();
                Ok(format!("{} {}", response.code(), text.join(" ")))
            }
            Err(e) => Err(MailError::Smtp {
                reply: e.to_string(),
                permanent: e.is_permanent(),
            }),
        }
    }
}

// --- rehearsal (issue 7): can mail be sent? ---
impl Mailer {
    /// Connects to the SMTP server and greets it (EHLO, then NOOP), sending no message: what
    /// the rehearsal checks before voters wait for links that cannot leave.
    pub async fn check_connection(&self) -> Result<(), MailError> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err(MailError::Smtp {
                reply: "the server answered the greeting with an error".into(),
                permanent: false,
            }),
            Err(e) => Err(MailError::Smtp {
                reply: e.to_string(),
                permanent: e.is_permanent(),
            }),
        }
    }

    /// `host:port` of the SMTP server.
    pub fn server(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}
// --- end rehearsal ---
