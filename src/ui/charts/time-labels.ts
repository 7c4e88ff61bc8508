/**
 * Time labels in the centre's time zone (never the browser's): the server sends UTC instants or
 * local 'YYYY-MM-DDTHH:MM' keys, the UI shows local wall-clock times.
 */

/** 'HH:MM' of a local key 'YYYY-MM-DDTHH:MM' (the KPI engine's hour and interval groups). */
export function clockOfKey(key: string): string {
  return key.slice(11, 16);
}

/** 'YYYY-MM-DD HH:MM:SS' of an instant in `timeZone`. */
export function localDateTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const v = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${v('year')}-${v('month')}-${v('day')} ${v('hour')}:${v('minute')}:${v('second')}`;
}

/** 'HH:MM:SS' of an instant in `timeZone`. */
export function localClock(ms: number, timeZone: string): string {
  return localDateTime(ms, timeZone).slice(11);
}
