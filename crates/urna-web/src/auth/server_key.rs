//! The server secret key: 32 bytes that seal what the server must keep secret from a copy of
//! its own database (staff TOTP secrets, see [`crate::auth::totp::TotpSecret::seal`]).
//!
//! The key never goes in the database, so a database dump or backup alone does not let anyone
//! compute staff sign-in codes. It comes from `secret_key` in the configuration (64 hexadecimal
//! digits; `URNA_SECRET_KEY` in the environment), or else from the file [`KEY_FILE_NAME`] in the
//! data directory, which the first start creates with mode 0600. The server refuses to start
//! when that file cannot be read, does not hold exactly 64 hexadecimal digits, or is readable
//! by group or others. `urna admin create-operator` loads the key the same way, so both use the
//! same one. The key is never logged: `Debug` prints `<redacted>` and error messages never
//! quote it.
//!
//! Sealing is XChaCha20-Poly1305 (random 192-bit nonces, so no counter has to be kept):
//! `version (1 byte, 0x01) || nonce (24 bytes) || ciphertext || tag (16 bytes)`, with
//! associated data chosen by the caller (which binds a sealed value to its row).

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::Deserialize;
use zeroize::Zeroizing;

/// The key file's name inside the data directory.
pub const KEY_FILE_NAME: &str = "secret.key";
/// Key length in bytes.
pub const KEY_BYTES: usize = 32;
/// Key length written in hexadecimal.
const KEY_HEX_DIGITS: usize = KEY_BYTES * 2;
/// First byte of every sealed value: the format above.
const SEALED_VERSION: u8 = 1;
const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;

/// The server secret key. `Debug` never shows it.
#[derive(Clone, Deserialize)]
#[serde(try_from = "String")]
pub struct ServerSecretKey(Zeroizing<[u8; KEY_BYTES]>);

impl fmt::Debug for ServerSecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ServerSecretKey(<redacted>)")
    }
}

/// Why the server secret key could not be had. No variant carries the key or part of it.
#[derive(Debug, thiserror::Error)]
pub enum ServerKeyError {
    #[error(
        "the server secret key is malformed: {0}; it must be {KEY_HEX_DIGITS} hexadecimal digits ({KEY_BYTES} random bytes)"
    )]
    Malformed(String),
    #[error(
        "the server secret key file {path} is malformed: {reason}; it must hold {KEY_HEX_DIGITS} hexadecimal digits ({KEY_BYTES} random bytes)",
        path = .path.display()
    )]
    MalformedFile { path: PathBuf, reason: String },
    #[error("cannot read the server secret key file {path}: {source}", path = .path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the server secret key file {path} is readable by group or others (mode {mode:04o}); \
         make it private with `chmod 600 {path}`",
        path = .path.display()
    )]
    NotPrivate { path: PathBuf, mode: u32 },
    #[error("cannot create the server secret key file {path}: {source}", path = .path.display())]
    Create {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the system random number generator failed: {0}")]
    Random(String),
}

impl ServerSecretKey {
    /// Reads a key written as 64 hexadecimal digits (surrounding whitespace ignored).
    pub fn from_hex(text: &str) -> Result<Self, ServerKeyError> {
        parse_hex_key(text).map_err(ServerKeyError::Malformed)
    }

    /// A new random key.
    pub fn generate() -> Result<Self, ServerKeyError> {
        let bytes = super::random_bytes::<KEY_BYTES>()
            .map_err(|e| ServerKeyError::Random(e.to_string()))?;
        Ok(ServerSecretKey(Zeroizing::new(bytes)))
    }

    /// The configured key, else the one in `data_dir`'s key file, created on first use.
    pub fn load(config: &crate::config::Config) -> Result<Self, ServerKeyError> {
        match &config.secret_key {
            Some(key) => Ok(key.clone()),
            None => Self::load_or_create_file(&config.data_dir.join(KEY_FILE_NAME)),
        }
    }

    /// Reads the key file at `path`, creating it (mode 0600, with its directory) when absent.
    pub fn load_or_create_file(path: &Path) -> Result<Self, ServerKeyError> {
        match std::fs::metadata(path) {
            Ok(_) => Self::read_file(path),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Self::create_file(path),
            Err(source) => Err(ServerKeyError::Unreadable {
                path: path.to_owned(),
                source,
            }),
        }
    }

    fn read_file(path: &Path) -> Result<Self, ServerKeyError> {
        let unreadable = |source| ServerKeyError::Unreadable {
            path: path.to_owned(),
            source,
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path)
                .map_err(unreadable)?
                .permissions()
                .mode()
                & 0o777;
            if mode & 0o077 != 0 {
                return Err(ServerKeyError::NotPrivate {
                    path: path.to_owned(),
                    mode,
                });
            }
        }
        let text = Zeroizing::new(std::fs::read(path).map_err(unreadable)?);
        let text = std::str::from_utf8(&text).map_err(|_| ServerKeyError::MalformedFile {
            path: path.to_owned(),
            reason: "it is not text".to_owned(),
        })?;
        parse_hex_key(text).map_err(|reason| ServerKeyError::MalformedFile {
            path: path.to_owned(),
            reason,
        })
    }

    /// Writes a new key to a private temporary file, then links it into place: a second
    /// process starting at the same moment either wins the link or reads the winner's key, and
    /// nobody ever reads a half-written file.
    fn create_file(path: &Path) -> Result<Self, ServerKeyError> {
        let failed = |source| ServerKeyError::Create {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        let key = Self::generate()?;
        let suffix =
            super::random_bytes::<8>().map_err(|e| ServerKeyError::Random(e.to_string()))?;
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(format!(".{}.tmp", super::hex(&suffix)));
        let temporary = PathBuf::from(temporary);
        let written = (|| {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(&temporary)?;
            let text = Zeroizing::new(format!("{}\n", super::hex(key.0.as_slice())));
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            std::fs::hard_link(&temporary, path)
        })();
        // The temporary name is removed whatever happened; the key lives on under `path`.
        let _ = std::fs::remove_file(&temporary);
        match written {
            Ok(()) => {
                tracing::info!(path = %path.display(), "created the server secret key file");
                Ok(key)
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                Self::read_file(path)
            }
            Err(source) => Err(failed(source)),
        }
    }

    /// Seals `plaintext` bound to `associated_data` (format in the module documentation).
    pub(crate) fn seal(
        &self,
        associated_data: &[u8],
        plaintext: &[u8],
    ) -> Result<Vec<u8>, ServerKeyError> {
        let nonce = super::random_bytes::<NONCE_BYTES>()
            .map_err(|e| ServerKeyError::Random(e.to_string()))?;
        let ciphertext = self
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: associated_data,
                },
            )
            // Only a message longer than 256 GiB fails.
            .map_err(|_| ServerKeyError::Random("sealing refused the message".to_owned()))?;
        let mut sealed = Vec::with_capacity(1 + NONCE_BYTES + ciphertext.len());
        sealed.push(SEALED_VERSION);
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        Ok(sealed)
    }

    /// Opens a value [`Self::seal`] made with this key and the same associated data; `None`
    /// for another key, other associated data, a damaged value or an unknown format.
    pub(crate) fn open(&self, associated_data: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        let (&version, rest) = sealed.split_first()?;
        if version != SEALED_VERSION || rest.len() < NONCE_BYTES + TAG_BYTES {
            return None;
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_BYTES);
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().ok()?;
        self.cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: associated_data,
                },
            )
            .ok()
            .map(Zeroizing::new)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&Key::from(*self.0))
    }
}

impl TryFrom<String> for ServerSecretKey {
    type Error = ServerKeyError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        let value = Zeroizing::new(value);
        ServerSecretKey::from_hex(&value)
    }
}

/// 64 hexadecimal digits → the key. The reason given on failure never quotes the text.
fn parse_hex_key(text: &str) -> Result<ServerSecretKey, String> {
    let text = text.trim();
    if text.len() != KEY_HEX_DIGITS {
        return Err(format!("found {} characters", text.chars().count()));
    }
    if let Some(position) = text.bytes().position(|b| !b.is_ascii_hexdigit()) {
        return Err(format!(
            "character {} is not a hexadecimal digit",
            position + 1
        ));
    }
    let bytes = Zeroizing::new(
        urna_crypto::encoding::from_hex(text).map_err(|_| "it is not hexadecimal".to_owned())?,
    );
    let mut key = Zeroizing::new([0u8; KEY_BYTES]);
    key.copy_from_slice(&bytes);
    Ok(ServerSecretKey(key))
}

// --- board key (server-board branch) ---
impl ServerSecretKey {
    /// The key that signs an election's board (docs/record-format.md §6), derived from this
    /// key so that no new secret is stored. It signs tree heads only and decrypts nothing.
    pub fn board_key(&self, election: &urna_crypto::ElectionId) -> urna_crypto::board::BoardKey {
        urna_crypto::board::BoardKey::derive(&self.0, election)
    }
}
// --- end board key ---

// --- derived keys (scrutiny branch) ---
impl ServerSecretKey {
    /// A key for one purpose and context, derived from this one so that no new secret is
    /// stored: `HMAC-SHA-256(server key, purpose || 0x00 || context)` (HMAC as a PRF, the
    /// extract-free form of HKDF's expand for one 32-byte block). Different purposes or
    /// contexts give independent keys; the derived key reveals nothing of this one.
    pub fn derive(&self, purpose: &str, context: &[u8]) -> ServerSecretKey {
        ServerSecretKey(Zeroizing::new(hmac_sha256(
            self.0.as_slice(),
            &[purpose.as_bytes(), &[0], context],
        )))
    }

    /// `HMAC-SHA-256(this key, parts concatenated)`: a keyed fingerprint.
    pub fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        hmac_sha256(self.0.as_slice(), parts)
    }
}

fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    use hmac::{Hmac, KeyInit, Mac as _};
    // HMAC takes keys of any length, so `new_from_slice` cannot fail here.
    let Ok(mut mac) = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key) else {
        unreachable!("HMAC accepts keys of every length")
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}
// --- end derived keys ---

#[cfg(test)]
mod tests {
    use super::*;

    const KEY_HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    #[test]
    fn keys_parse_from_64_hex_digits_and_never_print() {
        let key = ServerSecretKey::from_hex(&format!(" {KEY_HEX}\n")).expect("valid");
        assert_eq!(key.0[31], 0x1f);
        assert_eq!(format!("{key:?}"), "ServerSecretKey(<redacted>)");
        let short = ServerSecretKey::from_hex(&KEY_HEX[..62]).expect_err("31 bytes");
        assert!(short.to_string().contains("found 62 characters"), "{short}");
        let bad = ServerSecretKey::from_hex(&format!("{}g", &KEY_HEX[..63])).expect_err("g");
        let message = bad.to_string();
        assert!(message.contains("character 64 is not"), "{message}");
        assert!(!message.contains(&KEY_HEX[..20]), "never quoted: {message}");
    }

    #[test]
    fn sealed_values_open_only_with_the_same_key_and_associated_data() {
        let key = ServerSecretKey::from_hex(KEY_HEX).expect("valid");
        let sealed = key
            .seal(b"account 7", b"twenty bytes of seed")
            .expect("sealed");
        // 1 version byte + 24-byte nonce + 20-byte message + 16-byte Poly1305 tag.
        assert_eq!(sealed.len(), 1 + 24 + 20 + 16);
        assert_eq!(sealed[0], 1);
        assert_eq!(
            key.open(b"account 7", &sealed)
                .as_deref()
                .map(Vec::as_slice),
            Some(b"twenty bytes of seed".as_slice())
        );
        assert!(key.open(b"account 8", &sealed).is_none(), "other row");
        let other = ServerSecretKey::generate().expect("random");
        assert!(other.open(b"account 7", &sealed).is_none(), "other key");
        let mut flipped = sealed.clone();
        flipped[30] ^= 1;
        assert!(key.open(b"account 7", &flipped).is_none(), "damaged");
        // Fresh nonces: sealing twice gives different bytes.
        assert_ne!(
            key.seal(b"account 7", b"twenty bytes of seed")
                .expect("sealed"),
            sealed
        );
    }

    #[test]
    fn xchacha20_poly1305_matches_the_draft_test_vector() {
        // draft-irtf-cfrg-xchacha-03 §A.3.1: key 80..9f, nonce 404142…57, AAD
        // 50515253c0c1c2c3c4c5c6c7, the "Ladies and Gentlemen…" plaintext; tag
        // c0875924c1c7987947deafd8780acf49.
        let key = ServerSecretKey::from_hex(
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
        )
        .expect("valid");
        let nonce: [u8; 24] =
            urna_crypto::encoding::from_hex("404142434445464748494a4b4c4d4e4f5051525354555657")
                .expect("hex")
                .try_into()
                .expect("24 bytes");
        let aad = urna_crypto::encoding::from_hex("50515253c0c1c2c3c4c5c6c7").expect("hex");
        let msg = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
        let ciphertext = key
            .cipher()
            .encrypt(&XNonce::from(nonce), Payload { msg, aad: &aad })
            .expect("encrypts");
        assert_eq!(
            urna_crypto::encoding::to_hex(&ciphertext[ciphertext.len() - 16..]),
            "c0875924c1c7987947deafd8780acf49"
        );
        assert_eq!(
            urna_crypto::encoding::to_hex(&ciphertext[..8]),
            "bd6d179d3e83d43b"
        );
        // Our format around the same cipher opens it.
        let mut sealed = vec![1u8];
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        assert_eq!(
            key.open(&aad, &sealed).as_deref().map(Vec::as_slice),
            Some(msg.as_slice())
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_key_file_is_created_private_and_checked() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data").join(KEY_FILE_NAME);
        let created = ServerSecretKey::load_or_create_file(&path).expect("created");
        let mode = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
        let text = std::fs::read_to_string(&path).expect("text");
        assert_eq!(text.len(), 65, "64 hex digits and a newline: {text:?}");
        let again = ServerSecretKey::load_or_create_file(&path).expect("read back");
        assert_eq!(*again.0, *created.0);
        // Only the key file and nothing left over from writing it.
        assert_eq!(
            std::fs::read_dir(path.parent().expect("dir"))
                .expect("dir")
                .count(),
            1
        );

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let open = ServerSecretKey::load_or_create_file(&path).expect_err("group-readable");
        assert!(open.to_string().contains("mode 0640"), "{open}");
        assert!(open.to_string().contains("chmod 600"), "{open}");

        std::fs::write(&path, "not a key\n").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let malformed = ServerSecretKey::load_or_create_file(&path).expect_err("malformed");
        assert!(
            malformed.to_string().contains("found 9 characters"),
            "{malformed}"
        );

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads any file; the check only means something for other users.
        if std::fs::read(&path).is_err() {
            let unreadable = ServerSecretKey::load_or_create_file(&path).expect_err("0000");
            assert!(
                unreadable.to_string().contains("cannot read"),
                "{unreadable}"
            );
        }
    }
}
