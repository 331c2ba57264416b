// Intl.Collator in en-US and zh-CN: letters before case, accents after letters, punctuation and
// digits first; sensitivity and numeric.
const en = new Intl.Collator('en-US');
console.log(['b', 'a', 'B', 'A', 'ä', 'z', '10', '9', 'é', 'e'].sort(en.compare), en.compare('a', 'b'), en.compare('a', 'A'), en.compare('a', 'a'));
console.log(['a b', 'ab', 'a-b', 'a_b', 'a.b', 'A', 'a', '1', '!', ' '].sort(en.compare));
console.log(['résumé', 'resume', 'Resume', 'résume', 'rèsumé'].sort(en.compare), ['ab', 'a'].sort(new Intl.Collator().compare));
console.log(['b', 'a', 'B', 'A'].sort(new Intl.Collator('en-US', { sensitivity: 'base' }).compare), new Intl.Collator('en-US', { sensitivity: 'base' }).compare('a', 'A'), new Intl.Collator('en-US', { sensitivity: 'accent' }).compare('a', 'á'));
console.log(['a10', 'a9', 'a1', 'a01b'].sort(new Intl.Collator('en-US', { numeric: true }).compare), ['file10', 'file9'].sort(en.compare));
console.log(['b', 'a', 'ä', 'Z', 'Ω', 'я'].sort(new Intl.Collator('zh-CN').compare), new Intl.Collator('zh-CN').resolvedOptions().locale);
console.log(['Émile', 'eve', 'Eve', 'adam', 'Zoë'].sort((x, y) => x.localeCompare(y, 'en-US')));
