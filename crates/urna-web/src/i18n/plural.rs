//! Plural selection from ICU4X's CLDR data instead of Fluent's own.
//!
//! fluent-bundle chooses a select expression's plural variant with `intl_pluralrules`, whose
//! CLDR 36 data lacks many languages; a language without data silently gets English rules
//! (`one` for 1, `other` for the rest), which is wrong for most of the world. So every Fluent
//! file is rewritten as it loads: a select on a number whose variants name plural categories
//! (`[one]`, `[few]`, ...) selects on `PLURAL($n)` instead, a function backed by `icu_plurals`
//! (current CLDR, compiled in, no files at run time). Translators keep writing ordinary Fluent.
//!
//! Exact-number variants (`[0] No ballots`) still win over categories, as Fluent specifies:
//! they stay in an outer select on the number itself whose default variant holds the
//! category select.

use fixed_decimal::Decimal;
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{
    CallArguments, Entry, Expression, Identifier, InlineExpression, Pattern, PatternElement,
    Variant, VariantKey,
};
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralOperands, PluralRules};

/// The name of the Fluent function registered in every bundle.
pub const PLURAL_FUNCTION: &str = "PLURAL";

/// Category keys that make a select expression a plural one (`other` alone does not: it is
/// also the usual default of a select on strings).
const CATEGORY_KEYS: &[&str] = &["zero", "one", "two", "few", "many"];

/// CLDR cardinal plural rules of one language.
pub struct CardinalRules(Option<PluralRules>);

impl std::fmt::Debug for CardinalRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CardinalRules")
    }
}

impl CardinalRules {
    /// The rules of `tag` (a BCP 47 tag); ICU falls back along CLDR's parents, and to the
    /// root rules (only `other`) for a language it does not know.
    pub fn for_language(tag: &str) -> Self {
        let locale: Locale = tag.parse().unwrap_or(Locale::UNKNOWN);
        CardinalRules(PluralRules::try_new_cardinal((&locale).into()).ok())
    }

    /// The CLDR category of a number written in decimal (`"1"`, `"1.0"`, `"-3"`): visible
    /// fraction digits matter (English "1" is `one`, "1.0" is `other`).
    pub fn category_of_decimal(&self, decimal: &str) -> Option<&'static str> {
        let number: Decimal = decimal.parse().ok()?;
        Some(match &self.0 {
            Some(rules) => category_name(rules.category_for(PluralOperands::from(&number))),
            // No data at all (not even CLDR's root): every number is "other", as in root.
            None => "other",
        })
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The `PLURAL` Fluent function for one language: the category name of its first argument,
/// a number or a numeric string; anything else selects the default variant.
pub fn plural_function(
    rules: CardinalRules,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs<'_>) -> FluentValue<'a> + Send + Sync + 'static
{
    move |positional, _named| {
        let decimal = match positional.first() {
            Some(FluentValue::Number(number)) => number.as_string().into_owned(),
            Some(FluentValue::String(text)) => text.to_string(),
            _ => return FluentValue::Error,
        };
        match rules.category_of_decimal(&decimal) {
            Some(category) => FluentValue::from(category),
            None => FluentValue::Error,
        }
    }
}

/// Rewrites the plural selects of a Fluent file to use [`PLURAL_FUNCTION`]. A file that does
/// not parse is returned unchanged, so that the bundle's own parser reports its errors.
pub fn rewrite_plural_selects(source: &str) -> String {
    let Ok(mut resource) = fluent_syntax::parser::parse(source) else {
        return source.to_owned();
    };
    let mut changed = false;
    for entry in &mut resource.body {
        let (value, attributes) = match entry {
            Entry::Message(message) => (message.value.as_mut(), &mut message.attributes),
            Entry::Term(term) => (Some(&mut term.value), &mut term.attributes),
            _ => continue,
        };
        if let Some(pattern) = value {
            changed |= rewrite_pattern(pattern);
        }
        for attribute in attributes {
            changed |= rewrite_pattern(&mut attribute.value);
        }
    }
    if changed {
        fluent_syntax::serializer::serialize(&resource)
    } else {
        source.to_owned()
    }
}

fn rewrite_pattern(pattern: &mut Pattern<&str>) -> bool {
    let mut changed = false;
    for element in &mut pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            changed |= rewrite_expression(expression);
        }
    }
    changed
}

fn rewrite_expression(expression: &mut Expression<&str>) -> bool {
    let Expression::Select { selector, variants } = expression else {
        return false;
    };
    let mut changed = false;
    for variant in variants.iter_mut() {
        changed |= rewrite_pattern(&mut variant.value);
    }
    let names_category = variants
        .iter()
        .any(|v| matches!(v.key, VariantKey::Identifier { name } if CATEGORY_KEYS.contains(&name)));
    if !names_category || !selects_a_number(selector) {
        return changed;
    }
    let (exact, categories): (Vec<_>, Vec<_>) = std::mem::take(variants)
        .into_iter()
        .partition(|v| matches!(v.key, VariantKey::NumberLiteral { .. }));
    let default_is_exact = exact.iter().any(|v| v.default);
    if exact.is_empty() {
        *selector = plural_of(selector.clone());
        *variants = categories;
    } else if default_is_exact {
        // `*[0]` as the default is unusual; categories cannot be nested under it, so the
        // select stays as written (Fluent's own rules then apply).
        *variants = exact.into_iter().chain(categories).collect();
        return changed;
    } else {
        let inner = Expression::Select {
            selector: plural_of(selector.clone()),
            variants: categories,
        };
        let mut outer = exact;
        outer.push(Variant {
            key: VariantKey::Identifier { name: "other" },
            value: Pattern {
                elements: vec![PatternElement::Placeable { expression: inner }],
            },
            default: true,
        });
        *variants = outer;
    }
    true
}

/// Whether the selector is a variable or `NUMBER(...)`, the selectors plural variants use.
fn selects_a_number(selector: &InlineExpression<&str>) -> bool {
    match selector {
        InlineExpression::VariableReference { .. } | InlineExpression::NumberLiteral { .. } => true,
        InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
        _ => false,
    }
}

fn plural_of(selector: InlineExpression<&str>) -> InlineExpression<&str> {
    InlineExpression::FunctionReference {
        id: Identifier {
            name: PLURAL_FUNCTION,
        },
        arguments: CallArguments {
            positional: vec![selector],
            named: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn categories(lang: &str, numbers: &[&str]) -> Vec<&'static str> {
        let rules = CardinalRules::for_language(lang);
        numbers
            .iter()
            .map(|n| rules.category_of_decimal(n).expect("a decimal"))
            .collect()
    }

    // Expected categories from CLDR's published cardinal rules (plurals.xml, "Language Plural
    // Rules" chart at unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).

    #[test]
    fn arabic_has_six_forms() {
        // ar: zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10; many n % 100 = 11..99;
        // other: everything else (100..102, 1.5).
        assert_eq!(
            categories(
                "ar",
                &[
                    "0", "1", "2", "3", "10", "11", "99", "100", "102", "103", "111", "1.5"
                ]
            ),
            [
                "zero", "one", "two", "few", "few", "many", "many", "other", "other", "few",
                "many", "other"
            ]
        );
    }

    #[test]
    fn russian_ukrainian_polish_have_few_and_many() {
        // ru, uk: one v = 0 and i % 10 = 1 and i % 100 != 11; few v = 0 and i % 10 = 2..4 and
        // i % 100 != 12..14; many v = 0 and (i % 10 = 0 or 5..9 or i % 100 = 11..14);
        // other: fractions.
        let slavic = [
            "1", "2", "4", "5", "11", "12", "21", "22", "25", "111", "0", "1.5",
        ];
        let expected = [
            "one", "few", "few", "many", "many", "many", "one", "few", "many", "many", "many",
            "other",
        ];
        assert_eq!(categories("ru", &slavic), expected);
        assert_eq!(categories("uk", &slavic), expected);
        // pl: one i = 1 and v = 0 (so 21 is not one); few v = 0 and i % 10 = 2..4 and
        // i % 100 != 12..14; many v = 0 and i != 1 and (i % 10 = 0..1 or 5..9 or
        // i % 100 = 12..14); other: fractions.
        assert_eq!(
            categories("pl", &["1", "2", "4", "5", "12", "21", "22", "0", "1.5"]),
            [
                "one", "few", "few", "many", "many", "many", "few", "many", "other"
            ]
        );
    }

    #[test]
    fn czech_uses_many_only_for_fractions() {
        // cs: one i = 1 and v = 0; few i = 2..4 and v = 0; many v != 0; other: 0, 5, 11...
        assert_eq!(
            categories("cs", &["1", "2", "4", "5", "0", "22", "1.5"]),
            ["one", "few", "few", "other", "other", "other", "many"]
        );
    }

    #[test]
    fn chinese_japanese_korean_have_no_plural() {
        // zh, ja, ko, th, id: only "other".
        for lang in ["zh", "zh-Hant", "ja", "ko", "th", "id"] {
            assert_eq!(
                categories(lang, &["0", "1", "2", "5", "1.5"]),
                ["other"; 5],
                "{lang}"
            );
        }
    }

    #[test]
    fn french_counts_zero_and_one_as_singular() {
        // fr: one i = 0,1 (so 0, 1 and 1.5); many e = 0 and i != 0 and i % 1000000 = 0 and
        // v = 0 (a million); other: 2, 10. English: one i = 1 and v = 0; "1.0" is other.
        assert_eq!(
            categories("fr", &["0", "1", "1.5", "2", "1000000"]),
            ["one", "one", "one", "other", "many"]
        );
        assert_eq!(
            categories("en", &["0", "1", "1.0", "2"]),
            ["other", "one", "other", "other"]
        );
    }

    #[test]
    fn hebrew_has_two_and_unknown_languages_get_the_root_rules() {
        // he (CLDR 42+): one i = 1 and v = 0, or i = 0 and v != 0; two i = 2 and v = 0;
        // other: everything else.
        assert_eq!(
            categories("he", &["1", "2", "3", "20"]),
            ["one", "two", "other", "other"]
        );
        // An unregistered language has only "other" (CLDR root), never English's "one".
        assert_eq!(categories("qaa", &["1"]), ["other"]);
    }

    #[test]
    fn plural_selects_are_rewritten_and_exact_numbers_stay_first() {
        let source = "a = { $n ->\n    [one] one\n   *[other] many\n}\n\
                      b = { $n ->\n    [0] none\n    [one] one\n   *[other] many\n}\n\
                      c = { $kind ->\n    [x] X\n   *[other] Y\n}\n";
        let rewritten = rewrite_plural_selects(source);
        assert!(
            rewritten.contains("a =\n    { PLURAL($n) ->"),
            "{rewritten}"
        );
        assert!(rewritten.contains("[0] none"), "{rewritten}");
        assert!(rewritten.contains("{ PLURAL($n) ->"), "{rewritten}");
        assert!(rewritten.contains("c =\n    { $kind ->"), "{rewritten}");
        // A file without plural selects is kept byte for byte (comments included).
        let plain = "# comment\nx = Hello { $name }\n";
        assert_eq!(rewrite_plural_selects(plain), plain);
        // A file that does not parse is left for the bundle to report.
        assert_eq!(rewrite_plural_selects("x = {"), "x = {");
    }
}
