//! The check of an Oney service catalog against its published error table, shared by the
//! `oney_*` modules.

use apierror::Catalog;

/// One row of an Oney error table as published: code, HTTP status and label (with Oney's
/// `%s`), then how the catalog declares it: the names its `%s` placeholders become, in
/// order, and its Oney field, either constant (`Const`) or taken from a `field` member.
pub type Row = (
    &'static str,
    u16,
    &'static str,
    &'static [&'static str],
    Field,
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    None,
    Const(&'static str),
    Member,
}

/// Holds `catalog` against `table`, in order and count.
pub fn check(catalog: &Catalog, table: &[Row]) {
    assert_eq!(catalog.variants.len(), table.len(), "{}", catalog.name);
    for (meta, &(code, status, label, names, field)) in catalog.variants.iter().zip(table) {
        assert_eq!(meta.code, code, "{label}");
        assert_eq!(meta.status, status, "{code} {label}");
        let mut template = label.to_owned();
        for name in names {
            assert!(template.contains("%s"), "{code} {label}");
            template = template.replacen("%s", &format!("{{{name}}}"), 1);
        }
        assert!(!template.contains("%s"), "{code} {label}");
        assert_eq!(meta.message, Some(template.as_str()), "{code}");
        for name in names {
            assert!(meta.fields.contains(name), "{code}: {name}");
        }
        match field {
            Field::None => {
                assert_eq!(meta.field, None, "{code} {label}");
                assert!(!meta.fields.contains(&"field"), "{code} {label}");
            }
            Field::Const(path) => assert_eq!(meta.field, Some(path), "{code} {label}"),
            Field::Member => {
                assert_eq!(meta.field, None, "{code} {label}");
                assert!(meta.fields.contains(&"field"), "{code} {label}");
            }
        }
        assert!(meta.code.chars().count() <= 10, "{code}");
        assert!(!meta.description.is_empty(), "{code}");
    }
}
