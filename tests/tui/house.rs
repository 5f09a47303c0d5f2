//! The house rules of issue 19, checked over the source itself: no import
//! cycle among the files of `src/tui`, no file in `src` over 700 lines, no
//! function in `src/tui` over 150 (the default keymap, a data table, aside).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 700;
const MAX_TUI_FN_LINES: usize = 150;
/// Data tables, not logic.
const LONG_TABLES: [&str; 1] = ["tui::keymap::defaults"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `tui/dialogs/mod.rs` is `tui::dialogs`; `tui/app.rs` is `tui::app`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and its test module.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `use` names, its braces expanded: `a::{b, c::d}` gives
/// `a::b` and `a::c::d`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(&tree);
        return vec![path.trim_end_matches("::self").to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.is_empty())
        .flat_map(|item| match item {
            "self" => vec![prefix.trim_end_matches("::").to_string()],
            _ => expand(&format!("{prefix}{item}")),
        })
        .collect()
}

/// The paths a file names: its `use` trees, and `crate::`/`super::` paths in
/// its code.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(end) = rest.find(';') {
            paths.extend(expand(&rest[..end]));
        }
    }
    for (at, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        let path: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        // `super::{a, b}`: the use tree above has its items.
        let path = path.trim_end_matches("::");
        if path != "super" && path != "crate" {
            paths.push(path.to_string());
        }
    }
    paths
}

/// The module file a path lands in (the longest known prefix).
fn resolve(from: &[String], path: &str, modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let (mut base, rest): (Vec<String>, &[&str]) = match segments.first()? {
        &"crate" => (Vec::new(), &segments[1..]),
        &"self" => (from.to_vec(), &segments[1..]),
        &"super" => {
            let ups = segments.iter().take_while(|s| **s == "super").count();
            let base = from[..from.len().saturating_sub(ups)].to_vec();
            (base, &segments[ups..])
        }
        // A child module named from its parent (`pub use run::...`).
        first => {
            let mut child = from.to_vec();
            child.push(first.to_string());
            if !modules.contains(&child) {
                return None;
            }
            (from.to_vec(), &segments[..])
        }
    };
    base.extend(rest.iter().map(|s| s.to_string()));
    (1..=base.len())
        .rev()
        .map(|n| base[..n].to_vec())
        .find(|m| modules.contains(m))
}

#[test]
fn no_import_cycle_among_the_files_of_the_tui() {
    let mut files = Vec::new();
    rust_files(&src().join("tui"), &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let from = module_of(file);
        let targets = named_paths(&code(file))
            .iter()
            .filter_map(|p| resolve(&from, p, &modules))
            .filter(|to| *to != from)
            .collect();
        edges.insert(from, targets);
    }
    assert!(
        edges[&vec!["tui".to_string(), "update".to_string()]]
            .contains(&vec!["tui".to_string(), "state".to_string()]),
        "the scan sees `update` use `state`: {:?}",
        edges.get(&vec!["tui".to_string(), "update".to_string()])
    );
    // Depth-first search; a grey module met again closes a loop.
    fn visit(
        at: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        colour: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        colour.insert(at.clone(), 1);
        stack.push(at.clone());
        for next in edges.get(at).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|m| m == next).unwrap();
                    let mut cycle = stack[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(cycle) = visit(next, edges, colour, stack) {
                        return Some(cycle);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        colour.insert(at.clone(), 2);
        None
    }
    let mut colour = BTreeMap::new();
    for module in edges.keys() {
        if colour.get(module).copied().unwrap_or(0) == 0 {
            let cycle = visit(module, &edges, &mut colour, &mut Vec::new());
            let names: Vec<String> = cycle
                .unwrap_or_default()
                .iter()
                .map(|m| m.join("::"))
                .collect();
            assert!(names.is_empty(), "an import cycle: {}", names.join(" -> "));
        }
    }
}

#[test]
fn no_file_in_src_is_over_700_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, n)| *n > MAX_FILE_LINES)
        .map(|(f, n)| format!("{} ({n})", f.display()))
        .collect();
    assert!(long.is_empty(), "over {MAX_FILE_LINES} lines: {long:?}");
}

#[test]
fn no_function_in_the_tui_is_over_150_lines() {
    let mut files = Vec::new();
    rust_files(&src().join("tui"), &mut files);
    let mut long = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            let Some(name) = trimmed
                .strip_prefix("pub fn ")
                .or_else(|| trimmed.strip_prefix("fn "))
                .or_else(|| trimmed.strip_prefix("pub(crate) fn "))
                .map(|rest| rest.split(['(', '<']).next().unwrap_or_default())
            else {
                continue;
            };
            let closing = format!("{}}}", " ".repeat(indent));
            let Some(end) = lines[i..].iter().position(|l| *l == closing) else {
                continue;
            };
            let qualified = format!("{}::{name}", module_of(file).join("::"));
            if end + 1 > MAX_TUI_FN_LINES && !LONG_TABLES.contains(&qualified.as_str()) {
                long.push(format!("{qualified} ({} lines)", end + 1));
            }
        }
    }
    assert!(long.is_empty(), "over {MAX_TUI_FN_LINES} lines: {long:?}");
}

#[test]
fn the_rules_have_no_words_lifecycle_names_no_catalog() {
    let mut files = Vec::new();
    rust_files(&src().join("lifecycle"), &mut files);
    let worded: Vec<String> = files
        .iter()
        .filter(|f| {
            let code = code(f);
            code.contains("tr!(") || code.contains("crate::i18n")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(worded.is_empty(), "words inside lifecycle: {worded:?}");
}
