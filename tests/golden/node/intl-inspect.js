// Intl's members are not enumerable: console.log shows an empty tagged object.
console.log(Intl);
console.log(Object.keys(Intl), typeof Intl.NumberFormat, typeof Intl.Collator);
console.log(Intl.NumberFormat.name, new Intl.NumberFormat('en-US').format(1234.5));
