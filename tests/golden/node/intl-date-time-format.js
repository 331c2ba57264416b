// Intl.DateTimeFormat in en-US and zh-CN, in UTC: the default format, year/month/day/weekday,
// times in 12 and 24 hours, dateStyle and timeStyle.
const dates = [new Date(Date.UTC(2024, 0, 5, 9, 4, 5)), new Date(Date.UTC(2023, 10, 25, 23, 59, 0)), new Date(Date.UTC(2000, 1, 29, 0, 3, 7))];
const options = [
  {}, { year: 'numeric', month: 'long', day: 'numeric' }, { year: 'numeric', month: '2-digit', day: '2-digit' }, { year: '2-digit', month: 'numeric', day: 'numeric' },
  { month: 'short', day: 'numeric' }, { year: 'numeric', month: 'short' }, { month: 'long' }, { year: 'numeric' }, { weekday: 'long' }, { weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, { month: 'numeric', day: 'numeric' }, { day: 'numeric' },
  { hour: 'numeric', minute: '2-digit' }, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }, { hour: 'numeric', minute: '2-digit', hour12: true }, { hour: 'numeric' },
  { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  { dateStyle: 'full' }, { dateStyle: 'long' }, { dateStyle: 'medium' }, { dateStyle: 'short' }, { timeStyle: 'short' }, { timeStyle: 'medium' }, { dateStyle: 'medium', timeStyle: 'short' },
];
for (const locale of ['en-US', 'zh-CN']) {
  for (const o of options) {
    const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...o });
    console.log(locale, JSON.stringify(o), '|', dates.map((d) => f.format(d)).join(' | '));
  }
}
console.log(new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(dates[1]));
console.log(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions());
