/**
 * Converts a point value to integer hundredths, rounding half away from zero.
 *
 * `x * 100` is first normalised to 12 significant digits so that binary float noise
 * (e.g. 100.00000000000001 or 1.005 * 100 = 100.49999999999999) does not flip the rounding;
 * scores never exceed a few thousand points, so 12 digits keep every meaningful decimal.
 */
export function toHundredths(x: number): number {
  const scaled = Number((x * 100).toPrecision(12));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return rounded === 0 ? 0 : rounded;
}

/** Integer hundredths back to a 2-decimal number. */
export function fromHundredths(h: number): number {
  return h / 100;
}

/** Rounds to 2 decimals using {@link toHundredths}. */
export function round2(x: number): number {
  return fromHundredths(toHundredths(x));
}
