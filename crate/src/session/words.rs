//! How the page words what the core decides ([`Words`]): its string tables, in its language,
//! handed to the core by the boundary (the page's `tr` and `fmt`), and natively [`Keys`] for
//! tests. The core decides which sentences are said about which numbers (`text`, the lab's
//! notes); the tables stay plain data in the shell.

/// An argument of a sentence: text (a number already written), or a count the sentence may
/// agree with ("1 saddle", "2 saddles").
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, put in as it is.
    Text(String),
    /// A count.
    Count(usize),
}

/// How the page words what the core decides: its string tables, in the page's language.
pub trait Words {
    /// The page's string of the key `key`'s pieces joined, with `args`.
    fn say(&self, key: &[&str], args: &[Arg]) -> String;
    /// A number for reading, as the page writes numbers (five significant digits, powers of
    /// ten at the ends, true minus signs, the language's decimal separator).
    fn number(&self, x: f64) -> String;
}

/// Words for tests: `key(arg, …)`, numbers as Rust writes them.
#[cfg(test)]
pub struct Keys;

#[cfg(test)]
impl Words for Keys {
    fn say(&self, key: &[&str], args: &[Arg]) -> String {
        let key = key.concat();
        if args.is_empty() {
            return key;
        }
        let args: Vec<String> = args
            .iter()
            .map(|a| match a {
                Arg::Text(t) => t.clone(),
                Arg::Count(n) => n.to_string(),
            })
            .collect();
        format!("{key}({})", args.join(", "))
    }
    fn number(&self, x: f64) -> String {
        format!("{x}")
    }
}
