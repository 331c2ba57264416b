//! The native half of lib/buffer.js: text to bytes and back (utf8, base64), across the bridge
//! as ArrayBuffers.
//!
//! Pure conversions: no scheduler state, no I/O.

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use rquickjs::{ArrayBuffer, Ctx, Value};

use super::native::{native, Host};

/// `mn.utf8Encode(text)`.
pub fn utf8_encode<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |ctx: Ctx<'js>, s: String| {
        ArrayBuffer::new(ctx, s.into_bytes())
    })
}

/// `mn.utf8Decode(buffer)`: invalid sequences become U+FFFD, as node's do.
pub fn utf8_decode<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |b: ArrayBuffer<'js>| {
        String::from_utf8_lossy(&buffer_bytes(&b)).into_owned()
    })
}

/// `mn.base64Encode(buffer)`.
pub fn base64_encode<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |b: ArrayBuffer<'js>| STANDARD.encode(buffer_bytes(&b)))
}

/// `mn.base64Decode(text)`.
pub fn base64_decode<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |ctx: Ctx<'js>, s: String| {
        ArrayBuffer::new(ctx, decode_base64(&s))
    })
}

/// Base64 as node's Buffer.from(text, 'base64') reads it: both alphabets (`+/` and `-_`),
/// padding optional, every other character (whitespace, `=` anywhere) skipped, and a last lone
/// character (less than a byte) dropped.
fn decode_base64(s: &str) -> Vec<u8> {
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let mut clean: Vec<u8> = s
        .bytes()
        .filter_map(|c| match c {
            b'-' => Some(b'+'),
            b'_' => Some(b'/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' => Some(c),
            _ => None,
        })
        .collect();
    if clean.len() % 4 == 1 {
        clean.pop();
    }
    LENIENT.decode(clean).unwrap_or_default()
}

/// The bytes of an ArrayBuffer, copied out before any JavaScript runs again.
pub fn buffer_bytes(b: &ArrayBuffer<'_>) -> Vec<u8> {
    // SAFETY: the slice is copied at once; no JavaScript runs while it is alive.
    unsafe { b.as_bytes().map(|s| s.to_vec()).unwrap_or_default() }
}

#[cfg(test)]
mod tests {
    use super::{decode_base64, STANDARD};
    use base64::Engine as _;

    #[test]
    fn base64_as_node_writes_it() {
        assert_eq!(STANDARD.encode(b"hi!"), "aGkh");
        assert_eq!(STANDARD.encode(b"hi"), "aGk=");
        assert_eq!(STANDARD.encode(b""), "");
    }

    #[test]
    fn base64_as_node_reads_it() {
        // node -p "[...Buffer.from(s, 'base64')]" for each s
        assert_eq!(decode_base64("aGk="), b"hi");
        assert_eq!(decode_base64("aGk"), b"hi");
        assert_eq!(decode_base64("aG k=\n"), b"hi");
        assert_eq!(decode_base64("-_8="), [0xfb, 0xff]);
        assert_eq!(decode_base64("+/8="), [0xfb, 0xff]);
        assert_eq!(decode_base64("aGkhY"), b"hi!");
        assert_eq!(decode_base64(""), b"");
    }
}
