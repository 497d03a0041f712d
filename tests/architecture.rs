//! Keeps ARCHITECTURE.md true: every module is in the code map, and the layering invariants hold.

use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `src/import/parse/date.rs` → `import::parse::date`; `mod.rs` names its directory.
fn modules(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).expect("src").filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        if name == "tests" {
            continue;
        }
        let module = if prefix.is_empty() { name.clone() } else { format!("{prefix}::{name}") };
        if path.is_dir() {
            modules(&path, &module, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !["lib", "main"].contains(&name.as_str()) {
            let module = if name == "mod" { prefix.to_string() } else { module };
            out.push((module, path));
        }
    }
}

#[test]
fn every_module_is_in_the_code_map() {
    let doc = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut found = Vec::new();
    modules(&src(), "", &mut found);
    let missing: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).filter(|m| !doc.contains(&format!("`{m}`"))).collect();
    assert!(missing.is_empty(), "modules missing from ARCHITECTURE.md's code map: {missing:?}");
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let listed = line.split('`').nth(1).unwrap_or("");
        assert!(found.iter().any(|(m, _)| m == listed), "ARCHITECTURE.md lists `{listed}`, which does not exist");
    }
}

#[test]
fn layers_depend_only_downward() {
    let rules: &[(&str, &[&str])] = &[
        ("model", &["crate::import", "crate::store", "crate::analysis", "crate::cli", "crate::demo", "rusqlite", "egui", "eframe"]),
        ("import", &["rusqlite", "crate::store", "crate::analysis", "crate::cli", "crate::demo", "egui", "eframe"]),
        (
            "analysis",
            &["rusqlite", "std::fs", "crate::store", "crate::import", "crate::cli", "crate::demo", "crate::preferences", "egui", "eframe"],
        ),
        ("store", &["crate::analysis", "crate::cli", "crate::preferences", "egui", "eframe"]),
        ("preferences", &["crate::cli", "crate::demo", "egui", "eframe"]),
        (
            "export",
            &[
                "crate::import",
                "crate::store",
                "crate::analysis",
                "crate::app",
                "crate::ui",
                "crate::cli",
                "crate::report",
                "egui",
                "eframe",
                "rusqlite",
            ],
        ),
        // The vocabulary sits below every layer that speaks: it knows words, not the things they name.
        (
            "text",
            &[
                "crate::import",
                "crate::store",
                "crate::analysis",
                "crate::preferences",
                "crate::app",
                "crate::ui",
                "crate::cli",
                "crate::report",
                "egui",
                "rusqlite",
            ],
        ),
        // The palette is colours only: no drawing library on either side.
        ("palette", &["crate::ui", "crate::report", "crate::cli", "egui", "krilla"]),
        // The application layer serves the window, the command line and the briefings alike.
        ("app", &["crate::ui", "crate::cli", "crate::report", "egui", "eframe", "rusqlite"]),
        ("ui", &["rusqlite", "crate::cli"]),
        ("cli", &["crate::ui"]),
        ("report", &["crate::ui", "crate::cli", "rusqlite", "egui", "eframe"]),
        ("synth", &["rusqlite", "crate::store", "crate::import", "crate::cli", "crate::ui", "egui", "eframe", "std::fs"]),
    ];
    let mut found = Vec::new();
    modules(&src(), "", &mut found);
    let mut violations = Vec::new();
    for (module, path) in &found {
        let text = std::fs::read_to_string(path).expect("source");
        for (layer, forbidden) in rules {
            if module == layer || module.starts_with(&format!("{layer}::")) {
                for f in forbidden.iter().filter(|f| text.contains(*f)) {
                    violations.push(format!("{} uses {f}", path.display()));
                }
            }
        }
        let prints = text.contains("println!") || text.contains("print!(");
        if prints && !module.starts_with("cli") {
            violations.push(format!("{} prints to stdout; only cli may", path.display()));
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
}
