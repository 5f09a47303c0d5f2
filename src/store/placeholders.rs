//! SQLite's placeholders as PostgreSQL's. The SQL is ours, never a user's;
//! what the translator cannot read right (a comment, where a `?` would be
//! counted; two placeholder styles in one statement, which number apart) is
//! refused rather than guessed.

/// SQLite's placeholders (`?1`, `?`, `:name`) as PostgreSQL's (`$1`), and
/// the names in the order they were numbered. Quoted text is left alone.
pub fn translate(sql: &str) -> Result<(String, Vec<String>), String> {
    refuse_what_cannot_be_translated(sql)?;
    let mut out = String::with_capacity(sql.len() + 8);
    let mut names: Vec<String> = Vec::new();
    let mut next = 0usize;
    let chars: Vec<char> = sql.chars().collect();
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
                i += 1;
            }
            '?' => {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && chars[end].is_ascii_digit() {
                    end += 1;
                }
                if end > start {
                    let n: String = chars[start..end].iter().collect();
                    next = next.max(n.parse().unwrap_or(0));
                    out.push('$');
                    out.push_str(&n);
                } else {
                    next += 1;
                    out.push_str(&format!("${next}"));
                }
                i = end;
            }
            ':' if i + 1 < chars.len()
                && (chars[i + 1].is_ascii_lowercase() || chars[i + 1] == '_')
                && (i == 0 || chars[i - 1] != ':') =>
            {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && (chars[end].is_ascii_alphanumeric() || chars[end] == '_')
                {
                    end += 1;
                }
                let name: String = chars[i..end].iter().collect();
                let number = match names.iter().position(|n| *n == name) {
                    Some(at) => at + 1,
                    None => {
                        names.push(name);
                        names.len()
                    }
                };
                out.push_str(&format!("${number}"));
                i = end;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok((out, names))
}

/// Comments and mixed placeholder styles, outside quoted text.
fn refuse_what_cannot_be_translated(sql: &str) -> Result<(), String> {
    let chars: Vec<char> = sql.chars().collect();
    let mut quote: Option<char> = None;
    let (mut numbered, mut bare, mut named) = (false, false, false);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '-' if next == Some('-') => {
                return Err(format!("a comment in SQL to translate: {sql}"));
            }
            '/' if next == Some('*') => {
                return Err(format!("a comment in SQL to translate: {sql}"));
            }
            '?' if next.is_some_and(|n| n.is_ascii_digit()) => numbered = true,
            '?' => bare = true,
            ':' if next.is_some_and(|n| n.is_ascii_lowercase() || n == '_')
                && (i == 0 || chars[i - 1] != ':') =>
            {
                named = true
            }
            _ => {}
        }
    }
    if [numbered, bare, named].iter().filter(|s| **s).count() > 1 {
        return Err(format!("two placeholder styles in one statement: {sql}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn sqlite_placeholders_become_postgresql_ones_and_quoted_text_is_left_alone() {
        assert_eq!(
            translate("SELECT ?2, ?1 FROM t WHERE a = ?1 AND b = '?3'")
                .unwrap()
                .0,
            "SELECT $2, $1 FROM t WHERE a = $1 AND b = '?3'"
        );
        assert_eq!(translate("VALUES (?, ?)").unwrap().0, "VALUES ($1, $2)");
        let (text, names) = translate(
            "WHERE (a, b) > (:name, :id) AND c = :name AND d::bigint = 1 AND e = '09:00'",
        )
        .unwrap();
        assert_eq!(
            text,
            "WHERE (a, b) > ($1, $2) AND c = $1 AND d::bigint = 1 AND e = '09:00'"
        );
        assert_eq!(names, [":name", ":id"]);
    }

    #[test]
    fn comments_and_mixed_placeholder_styles_are_refused_not_guessed() {
        for sql in [
            "SELECT 1 -- is ?1 here?",
            "SELECT /* ? */ ?1",
            "SELECT ?1, ?",
            "SELECT ?1 WHERE a = :name",
            "SELECT ? WHERE a = :name",
        ] {
            assert!(translate(sql).is_err(), "{sql}");
        }
        // Inside quoted text, they are text.
        assert!(translate("SELECT '-- ?' , ?1, ':x /*'").is_ok());
        assert!(translate("SELECT a - -1, b / 2 * 3 FROM t WHERE c = ?1").is_ok());
    }
}
