//! Reading a course from its files (embedded or on disk) into [`Lesson`]s, finding every problem
//! that can be seen without running anything: missing or empty files, bad TOML, unknown keys,
//! broken demo links, missing quiz snippets, duplicate ids. Each problem carries the line of the
//! TOML key or Markdown it is about, taken from `toml`'s spans.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{markdown, Bilingual, DemoLink, Lesson, Problem, Quiz};

/// A course's files: path relative to the course folder (with `/`) -> text, or why it could not
/// be read.
pub(super) type Files = BTreeMap<String, Result<String, String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLesson {
    id: Spanned<String>,
    title: Spanned<RawBilingual>,
    demo: Option<Spanned<RawDemo>>,
    #[serde(default)]
    quiz: Vec<Spanned<RawQuiz>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBilingual {
    en: Spanned<String>,
    zh: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDemo {
    kind: Spanned<String>,
    example: Option<Spanned<String>>,
    snippet: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuiz {
    id: Spanned<String>,
    question: Spanned<RawBilingual>,
    snippet: Spanned<String>,
}

/// Read the lessons in `path` (one sub-folder per lesson). Problems name files as `path/...`.
pub fn load_dir(path: impl AsRef<Path>) -> (Vec<Lesson>, Vec<Problem>) {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let shown = shown.trim_end_matches('/').to_string();
    let mut files = Files::new();
    match std::fs::read_dir(path) {
        Ok(_) => read_tree(path, path, &mut files),
        Err(err) => {
            return (
                Vec::new(),
                vec![Problem::new(
                    shown,
                    0,
                    format!("cannot read the lessons folder: {err}"),
                )],
            )
        }
    }
    load_files(&shown, files)
}

/// Every file under `dir` (recursively) into `files`, keyed relative to `base`.
fn read_tree(base: &Path, dir: &Path, files: &mut Files) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            read_tree(base, &path, files);
            continue;
        }
        let Ok(rel) = path.strip_prefix(base) else {
            continue;
        };
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string()),
            Err(err) => Err(err.to_string()),
        };
        files.insert(rel, text);
    }
}

/// Load every lesson folder of `files`; `root` is how problems name the course folder.
pub(super) fn load_files(root: &str, files: Files) -> (Vec<Lesson>, Vec<Problem>) {
    let folders: BTreeSet<&str> = files
        .keys()
        .filter_map(|path| path.split_once('/').map(|(dir, _)| dir))
        .collect();
    let mut lessons: Vec<Lesson> = Vec::new();
    let mut problems = Vec::new();
    let mut ids: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for folder in folders {
        let dir = format!("{root}/{folder}");
        if let Some((lesson, id_line)) = load_lesson(&dir, folder, &files, &mut problems) {
            if let Some((first, line)) = ids.get(&lesson.id) {
                problems.push(Problem::new(
                    lesson.index_path(),
                    id_line,
                    format!(
                        "duplicate lesson id {:?} (also used by {first}:{line}): give each lesson its own id",
                        lesson.id
                    ),
                ));
                continue;
            }
            ids.insert(lesson.id.clone(), (lesson.index_path(), id_line));
            lessons.push(lesson);
        }
    }
    (lessons, problems)
}

/// One lesson folder; `None` when it cannot become a lesson at all (no or bad `lesson.toml`).
/// Returns the lesson and the line of its `id`.
fn load_lesson(
    dir: &str,
    folder: &str,
    files: &Files,
    problems: &mut Vec<Problem>,
) -> Option<(Lesson, usize)> {
    let index = format!("{dir}/lesson.toml");
    let get = |name: &str| files.get(&format!("{folder}/{name}"));
    let toml_text = match get("lesson.toml") {
        None => {
            problems.push(Problem::new(
                &index,
                0,
                "missing: every lesson folder needs a lesson.toml (id, title, demo, quizzes)",
            ));
            return None;
        }
        Some(Err(err)) => {
            problems.push(Problem::new(&index, 0, format!("cannot read: {err}")));
            return None;
        }
        Some(Ok(text)) => text,
    };
    let raw: RawLesson = match toml::from_str(toml_text) {
        Ok(raw) => raw,
        Err(err) => {
            let line = err.span().map_or(0, |s| line_of(toml_text, s.start));
            let message = err
                .message()
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            problems.push(Problem::new(&index, line, format!("bad TOML: {message}")));
            return None;
        }
    };
    let at = |span: Range<usize>| line_of(toml_text, span.start);
    let mut ok = true;
    let mut nonempty = |value: &Spanned<String>, what: &str, problems: &mut Vec<Problem>| {
        if value.get_ref().trim().is_empty() {
            problems.push(Problem::new(
                &index,
                at(value.span()),
                format!("empty text: {what} must not be empty"),
            ));
            ok = false;
        }
    };

    let id_line = at(raw.id.span());
    nonempty(&raw.id, "id", problems);
    let id = raw.id.get_ref().trim().to_string();
    if !id.is_empty()
        && !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problems.push(Problem::new(
            &index,
            id_line,
            format!("id {id:?} must be lower-case letters, digits and '-' (it is typed on the command line)"),
        ));
    }
    let title = raw.title.into_inner();
    nonempty(&title.en, "title.en", problems);
    nonempty(&title.zh, "title.zh", problems);

    // The text, in both languages.
    let mut body = Bilingual {
        en: String::new(),
        zh: String::new(),
    };
    for (name, language, slot) in [
        ("en.md", "English", &mut body.en),
        ("zh.md", "Chinese", &mut body.zh),
    ] {
        let path = format!("{dir}/{name}");
        match get(name) {
            None => problems.push(Problem::new(
                &path,
                0,
                format!("missing language file: the {language} text of lesson {id:?} (every lesson has en.md and zh.md)"),
            )),
            Some(Err(err)) => problems.push(Problem::new(&path, 0, format!("cannot read: {err}"))),
            Some(Ok(text)) if text.trim().is_empty() => problems.push(Problem::new(
                &path,
                1,
                format!("empty text: the {language} text of lesson {id:?} is empty"),
            )),
            Some(Ok(text)) => {
                if let Some(line) = markdown::unclosed_fence(text) {
                    problems.push(Problem::new(
                        &path,
                        line,
                        "code block opened with ``` is never closed",
                    ));
                }
                *slot = text.clone();
            }
        }
    }

    // The demo it opens.
    let mut demo_line = 0;
    let demo = raw.demo.and_then(|demo| {
        demo_line = at(demo.span());
        let demo = demo.into_inner();
        let kind_line = at(demo.kind.span());
        let mut broken = |line: usize, message: String| {
            problems.push(Problem::new(&index, line, format!("broken demo link: {message}")));
        };
        match demo.kind.get_ref().as_str() {
            "fork" | "cluster" => {
                if let Some(extra) = demo.example.as_ref().or(demo.snippet.as_ref()) {
                    broken(
                        at(extra.span()),
                        format!(
                            "the {} demo takes no example or snippet (only event-loop does)",
                            demo.kind.get_ref()
                        ),
                    );
                    return None;
                }
                Some(if demo.kind.get_ref() == "fork" {
                    DemoLink::Fork
                } else {
                    DemoLink::Cluster
                })
            }
            "event-loop" => {
                if demo.example.is_none() && demo.snippet.is_none() {
                    broken(
                        kind_line,
                        "an event-loop demo names an example = \"NAME\" (see `mini-node demo event-loop --list`) or a snippet = \"FILE.js\"".into(),
                    );
                    return None;
                }
                let example = demo.example.as_ref().map(|e| e.get_ref().trim().to_string());
                if let (Some(name), Some(spanned)) = (&example, &demo.example) {
                    if name.is_empty() {
                        broken(at(spanned.span()), "the example name is empty".into());
                        return None;
                    }
                }
                let snippet = match &demo.snippet {
                    None => None,
                    Some(file) => match get(file.get_ref()) {
                        Some(Ok(source)) => Some((file.get_ref().clone(), source.clone())),
                        _ => {
                            broken(
                                at(file.span()),
                                format!("snippet {:?} is not in {dir}", file.get_ref()),
                            );
                            return None;
                        }
                    },
                };
                // Problems about the link point at the key that names it.
                if let Some(link) = demo.example.as_ref().or(demo.snippet.as_ref()) {
                    demo_line = at(link.span());
                }
                Some(DemoLink::EventLoop { example, snippet })
            }
            other => {
                broken(
                    kind_line,
                    format!("unknown demo kind {other:?}: use fork, cluster or event-loop"),
                );
                None
            }
        }
    });

    // The quizzes.
    let mut quizzes: Vec<Quiz> = Vec::new();
    for quiz in raw.quiz {
        let quiz = quiz.into_inner();
        let quiz_id = quiz.id.get_ref().trim().to_string();
        nonempty(&quiz.id, "quiz id", problems);
        let question = quiz.question.into_inner();
        nonempty(&question.en, "question.en", problems);
        nonempty(&question.zh, "question.zh", problems);
        let line = at(quiz.snippet.span());
        if quizzes.iter().any(|q| q.id == quiz_id) {
            problems.push(Problem::new(
                &index,
                at(quiz.id.span()),
                format!("duplicate quiz id {quiz_id:?} in lesson {id:?}"),
            ));
            continue;
        }
        let file = quiz.snippet.get_ref().clone();
        let source = match get(&file) {
            Some(Ok(source)) if file.ends_with(".js") => source.clone(),
            Some(Ok(_)) => {
                problems.push(Problem::new(
                    &index,
                    line,
                    format!(
                        "quiz {quiz_id:?}: the snippet {file:?} must be a .js file node can run"
                    ),
                ));
                continue;
            }
            Some(Err(err)) => {
                problems.push(Problem::new(
                    &index,
                    line,
                    format!("quiz {quiz_id:?}: cannot read {file:?}: {err}"),
                ));
                continue;
            }
            None => {
                problems.push(Problem::new(
                    &index,
                    line,
                    format!("quiz {quiz_id:?}: the snippet {file:?} is not in {dir}"),
                ));
                continue;
            }
        };
        quizzes.push(Quiz {
            id: quiz_id,
            question: Bilingual {
                en: question.en.into_inner().trim().to_string(),
                zh: question.zh.into_inner().trim().to_string(),
            },
            path: format!("{dir}/{file}"),
            file,
            source,
            line,
        });
    }

    if !ok || id.is_empty() {
        return None;
    }
    let lesson = Lesson {
        id,
        title: Bilingual {
            en: title.en.into_inner().trim().to_string(),
            zh: title.zh.into_inner().trim().to_string(),
        },
        body,
        demo,
        quizzes,
        dir: dir.to_string(),
        demo_line,
    };
    Some((lesson, id_line))
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(files: &[(&str, &str)]) -> (Vec<Lesson>, Vec<Problem>) {
        let files = files
            .iter()
            .map(|(p, t)| (p.to_string(), Ok(t.to_string())))
            .collect();
        load_files("c", files)
    }

    const TOML: &str = "id = \"x\"\n[title]\nen = \"X\"\nzh = \"艾克斯\"\n\n[demo]\nkind = \"fork\"\n\n[[quiz]]\nid = \"q\"\nsnippet = \"q.js\"\nquestion.en = \"Order?\"\nquestion.zh = \"顺序？\"\n";

    #[test]
    fn a_good_lesson_loads_with_its_lines() {
        let (lessons, problems) = course(&[
            ("a/lesson.toml", TOML),
            ("a/en.md", "# X\n"),
            ("a/zh.md", "# 艾克斯\n"),
            ("a/q.js", "console.log(1)\n"),
        ]);
        assert_eq!(problems, vec![]);
        let lesson = &lessons[0];
        assert_eq!(lesson.id, "x");
        assert_eq!(lesson.dir, "c/a");
        assert_eq!(lesson.demo, Some(DemoLink::Fork));
        assert_eq!(lesson.demo_line, 6);
        assert_eq!(lesson.quizzes[0].line, 11);
        assert_eq!(lesson.quizzes[0].path, "c/a/q.js");
        assert_eq!(lesson.title.zh, "艾克斯");
    }

    #[test]
    fn an_empty_title_is_reported_at_its_key() {
        let (_, problems) = course(&[
            ("a/lesson.toml", &TOML.replace("en = \"X\"", "en = \" \"")),
            ("a/en.md", "# X\n"),
            ("a/zh.md", "# 艾克斯\n"),
            ("a/q.js", "console.log(1)\n"),
        ]);
        assert_eq!(
            problems[0].to_string(),
            "c/a/lesson.toml:3: empty text: title.en must not be empty"
        );
    }

    #[test]
    fn line_of_counts_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
