//! Page templates (askama, files in `templates/`). Every text in them comes from the
//! request's [`Translator`]; askama escapes it for HTML. Templates contain no inline script or
//! style (the Content-Security-Policy forbids both).

use askama::Template;
use askama_web::WebTemplate;

use crate::i18n::Translator;
use crate::static_files;

/// What the base layout needs on every page.
#[derive(Debug, Clone)]
pub struct PageContext {
    pub tr: Translator,
    /// The request path, to mark the current navigation entry.
    pub path: String,
    pub languages: Vec<LanguageChoice>,
    pub css_url: String,
    pub js_url: String,
}

/// One entry of the language switcher.
#[derive(Debug, Clone)]
pub struct LanguageChoice {
    pub code: String,
    /// The language's name in itself.
    pub name: String,
    pub dir: &'static str,
    pub current: bool,
}

impl PageContext {
    pub fn new(tr: Translator, path: &str) -> Self {
        let languages = tr
            .locales()
            .choices()
            .map(|(tag, name)| LanguageChoice {
                code: tag.to_string(),
                name: name.to_owned(),
                dir: tag.direction().as_str(),
                current: tag == tr.tag(),
            })
            .collect();
        PageContext {
            path: path.to_owned(),
            languages,
            css_url: static_files::url("urna.css"),
            js_url: static_files::url("urna.js"),
            tr,
        }
    }
}

/// `/`: what Urna is; later, the public elections.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "home.html")]
pub struct HomePage {
    pub page: PageContext,
}

/// `/vote`: sign in with a voting link.
#[derive(Debug, Template, WebTemplate)]
#[template(path = "vote.html")]
pub struct VotePage {
    pub page: PageContext,
    pub csrf_token: String,
    /// Translated validation message, shown next to the field.
    pub error: Option<String>,
}

/// Any error, as HTML.
#[derive(Debug, Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: PageContext,
    /// "Error 404", translated.
    pub status_label: String,
    pub title: String,
    pub detail: String,
}
