// JSON.parse positions count UTF-16 code units, as V8's do, also after non-ASCII text.
const t = (text) => {
  try {
    JSON.parse(text);
  } catch (e) {
    console.log(e.message);
  }
};
t('{"é": x}');
t('"héllo" x');
t('["日本", 1,]');
t('{"a":"😀", b}');
t('["日本語のテキストがここにあります", 1, x]');
t('{"emoji":"😀😀😀😀😀😀😀😀😀😀", x: 1}');
t('"ab😀cd');
t('{"ü": 1,}');
t('[1, 2, 3, "ö"] ]');
