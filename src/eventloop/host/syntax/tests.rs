//! The syntax-error reports' unit tests: one per rule of `syntax.rs`, each against the text
//! node v20 prints for its source.

use std::path::Path;

use super::{location_in, v8_message};

/// The report of `source`'s syntax error, compiled as `/t.js` (a required file, or the main
/// module with node's loader frames). Each expected text below is what node v20 prints on
/// stderr for that source.
fn compiled(source: &str, main: bool) -> String {
    let rt = rquickjs::Runtime::new().expect("a runtime");
    let ctx = rquickjs::Context::full(&rt).expect("a context");
    ctx.with(
        |ctx| match super::super::module::compile(&ctx, source, Path::new("/t.js"), main) {
            Ok(_) => panic!("{source:?} compiled without a syntax error"),
            Err(report) => report,
        },
    )
}

fn report(source: &str) -> String {
    compiled(source, false)
}

/// unterminated_quote: QuickJS 'unexpected end of string'.
#[test]
fn an_unterminated_string_is_an_invalid_token() {
    assert_eq!(
        report("let s = 'abc;\n"),
        "/t.js:1\nlet s = 'abc;\n        ^^^^^\n\nSyntaxError: Invalid or unexpected token\n"
    );
}

/// v8_message: 'invalid number literal'.
#[test]
fn a_number_literal_run_into_a_name_is_an_invalid_token() {
    assert_eq!(report("const o = { 1a: 2 };\n"), "/t.js:1\nconst o = { 1a: 2 };\n            ^\n\nSyntaxError: Invalid or unexpected token\n");
}

/// 'let is disallowed as a lexically bound name': under `let`.
#[test]
fn let_as_a_lexical_name_is_underlined() {
    assert_eq!(report("let let = 1;\n"), "/t.js:1\nlet let = 1;\n    ^^^\n\nSyntaxError: let is disallowed as a lexically bound name\n");
}

/// 'Unexpected token ''': past the last line, no caret.
#[test]
fn input_ending_inside_a_block_points_past_the_last_line() {
    assert_eq!(
        report("function f() {\n  return 1;\n"),
        "/t.js:3\n\n\n\nSyntaxError: Unexpected end of input\n"
    );
}

/// 'Unexpected end of input' with an odd count of backquotes.
#[test]
fn an_unclosed_template_points_past_the_last_line() {
    assert_eq!(
        report("const s = `abc;\n"),
        "/t.js:2\n\n\n\nSyntaxError: Unexpected end of input\n"
    );
}

/// 'Unexpected token 'x'': under the token.
#[test]
fn an_unexpected_token_is_underlined_where_it_is() {
    assert_eq!(
        report("let x = );\n"),
        "/t.js:1\nlet x = );\n        ^\n\nSyntaxError: Unexpected token ')'\n"
    );
}

/// 'Unexpected token 'x'': at the token's first place in code.
#[test]
fn an_unexpected_token_found_by_its_text() {
    assert_eq!(
        report("if (x) }\n"),
        "/t.js:1\nif (x) }\n       ^\n\nSyntaxError: Unexpected token '}'\n"
    );
}

/// an open call before the token: 'missing ) after argument list'.
#[test]
fn a_token_ending_an_argument_list_early_is_a_missing_paren() {
    assert_eq!(
        report("console.log(1;\n"),
        "/t.js:1\nconsole.log(1;\n            ^\n\nSyntaxError: missing ) after argument list\n"
    );
}

/// 'Invalid assignment left-hand side': under the target.
#[test]
fn an_invalid_assignment_target_is_underlined() {
    assert_eq!(
        report("1 = 2;\n"),
        "/t.js:1\n1 = 2;\n^\n\nSyntaxError: Invalid left-hand side in assignment\n"
    );
}

/// 'Missing initializer for variable': under the name.
#[test]
fn a_const_without_value_points_at_its_name() {
    assert_eq!(
        report("const x;\n"),
        "/t.js:1\nconst x;\n      ^\n\nSyntaxError: Missing initializer in const declaration\n"
    );
}

/// 'Unexpected identifier' at `await`.
#[test]
fn await_outside_async_is_underlined() {
    assert_eq!(report("function f() {\n  await g();\n}\n"), "/t.js:2\n  await g();\n  ^^^^^\n\nSyntaxError: await is only valid in async functions and the top level bodies of modules\n");
}

/// an unexpected operand in a call open since an earlier line: under the token before.
#[test]
fn an_operand_inside_an_open_call_is_a_missing_paren() {
    assert_eq!(
        report("console.log(1,\n  2\n  3);\n"),
        "/t.js:2\n  2\n  ^\n\nSyntaxError: missing ) after argument list\n"
    );
}

/// an unexpected operand in an open call on its line.
#[test]
fn two_arguments_without_a_comma_are_a_missing_paren() {
    assert_eq!(report("console.log('a' 'b');\n"), "/t.js:1\nconsole.log('a' 'b');\n            ^^^\n\nSyntaxError: missing ) after argument list\n");
}

/// unexpected_token: a number where `;` should be.
#[test]
fn an_unexpected_number() {
    assert_eq!(
        report("let x = 1 2;\n"),
        "/t.js:1\nlet x = 1 2;\n          ^\n\nSyntaxError: Unexpected number\n"
    );
}

/// unexpected_token: a name where `;` should be.
#[test]
fn an_unexpected_identifier_is_named() {
    assert_eq!(
        report("let a b;\n"),
        "/t.js:1\nlet a b;\n      ^\n\nSyntaxError: Unexpected identifier 'b'\n"
    );
}

/// unexpected_token: a string where `;` should be.
#[test]
fn an_unexpected_string_is_underlined() {
    assert_eq!(
        report("let x = 'a' 'b';\n"),
        "/t.js:1\nlet x = 'a' 'b';\n            ^^^\n\nSyntaxError: Unexpected string\n"
    );
}

/// 'has already been declared': at the name after const/let/class.
#[test]
fn a_name_declared_twice_points_at_the_second() {
    assert_eq!(
        report("let a = 1;\nlet a = 2;\n"),
        "/t.js:2\nlet a = 2;\n    ^\n\nSyntaxError: Identifier 'a' has already been declared\n"
    );
}

/// syntax_report: 'Unexpected end of input' with a call still open.
#[test]
fn a_call_open_at_the_end_is_a_missing_paren() {
    assert_eq!(
        report("console.log(1\n"),
        "/t.js:1\nconsole.log(1\n            ^\n\nSyntaxError: missing ) after argument list\n"
    );
}

/// syntax_report: 'Invalid property name' at a punctuator.
#[test]
fn a_bad_property_name_is_the_unexpected_token() {
    assert_eq!(report("const o = { a: 1, % };\n"), "/t.js:1\nconst o = { a: 1, % };\n                  ^\n\nSyntaxError: Unexpected token '%'\n");
}

/// syntax_report: 'Invalid property name' with braces left open.
#[test]
fn an_object_left_open_ends_the_input() {
    assert_eq!(
        report("const o = {\n  a: 1,\n"),
        "/t.js:3\n\n\n\nSyntaxError: Unexpected end of input\n"
    );
}

/// syntax_report: 'Invalid property name' in an open class body.
#[test]
fn a_class_left_open_ends_the_input() {
    assert_eq!(
        report("class A {\n  m() {}\n"),
        "/t.js:3\n\n\n\nSyntaxError: Unexpected end of input\n"
    );
}

/// the first line's column, shared with the CommonJS wrapper's header.
#[test]
fn a_first_line_column_leaves_out_the_wrapper() {
    assert_eq!(
        report("x = 1;; y = 2 +;\n"),
        "/t.js:1\nx = 1;; y = 2 +;\n               ^\n\nSyntaxError: Unexpected token ';'\n"
    );
}

/// A main module's report goes on with node's loader frames and version, as node prints it.
#[test]
fn a_main_module_report_ends_with_the_loader_frames() {
    assert_eq!(compiled("let x = );\n", true), "/t.js:1\nlet x = );\n        ^\n\nSyntaxError: Unexpected token ')'\n    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n    at Module._compile (node:internal/modules/cjs/loader:1495:20)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n    at Module.load (node:internal/modules/cjs/loader:1266:32)\n    at Module._load (node:internal/modules/cjs/loader:1091:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n    at node:internal/main/run_main_module:28:49\n\nNode.js v20.20.2\n");
}

/// QuickJS's words for the common syntax errors, and V8's.
#[test]
fn syntax_messages_in_v8_words() {
    for (quickjs, v8) in [
        (
            "unexpected token in expression: ';'",
            "Unexpected token ';'",
        ),
        ("unexpected token: '}'", "Unexpected token '}'"),
        ("unexpected end of input", "Unexpected end of input"),
        ("unexpected end of string", "Unexpected end of input"),
        ("expecting ';'", "Unexpected identifier"),
        (
            "'let' is not a valid lexical identifier",
            "let is disallowed as a lexically bound name",
        ),
        (
            "unexpected 'await' keyword",
            "await is only valid in async functions and the top level bodies of modules",
        ),
        ("unterminated string literal", "Invalid or unexpected token"),
        ("invalid number literal", "Invalid or unexpected token"),
        (
            "invalid redefinition of lexical identifier 'a'",
            "Identifier 'a' has already been declared",
        ),
        (
            "missing initializer for variable",
            "Missing initializer for variable",
        ),
    ] {
        assert_eq!(v8_message(quickjs), v8, "{quickjs}");
    }
}

#[test]
fn the_location_is_the_first_frame_in_the_file() {
    assert_eq!(
        location_in(
            "SyntaxError: x\n    at /b.js:7:1\n    at /a.js:2:9\n",
            "/a.js"
        ),
        Some((2, 9))
    );
    assert_eq!(location_in("SyntaxError: x\n", "/a.js"), None);
}

/// A regular expression literal the engine refuses: V8's words (vendor/rquickjs-sys) with the
/// literal underlined; bad flags and an unterminated literal at its start.
#[test]
fn a_bad_regular_expression_literal_is_underlined() {
    assert_eq!(
        report("const r = /a(/gi;\n"),
        "/t.js:1\nconst r = /a(/gi;\n          ^^^^^^\n\nSyntaxError: Invalid regular expression: /a(/gi: Unterminated group\n"
    );
    assert_eq!(
        report("const r = /a/gq;\n"),
        "/t.js:1\nconst r = /a/gq;\n          ^\n\nSyntaxError: Invalid regular expression flags\n"
    );
    assert_eq!(
        report("const r = 1 + /[/ + 2;\n"),
        "/t.js:1\nconst r = 1 + /[/ + 2;\n              ^\n\nSyntaxError: Invalid regular expression: missing /\n"
    );
}
