/**
 * Money for people: integer tiyn shown as tenge with two decimals and thin groups of thousands
 * (JSON and exports keep tiyn).
 * @example formatTenge(25_000_000) // '250 000.00'
 * @example formatTenge(-5_000) // '-50.00'
 */
export function formatTenge(tiyn: number): string {
  if (!Number.isSafeInteger(tiyn)) throw new RangeError(`not a whole number of tiyn: ${tiyn}`);
  const sign = tiyn < 0 ? '-' : '';
  const abs = Math.abs(tiyn);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A difference with its sign: '+50.00', '-50.00', '0.00'. */
export function formatTengeDiff(tiyn: number): string {
  return tiyn > 0 ? `+${formatTenge(tiyn)}` : formatTenge(tiyn);
}
