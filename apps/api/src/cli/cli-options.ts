/**
 * Options of the benchmark commands: `--name value` pairs. Refuses anything else, naming it,
 * with the command's usage text.
 */
export function checkFlags(args: readonly string[], known: readonly string[], usage: string): void {
  for (let i = 0; i < args.length; i += 2) {
    if (!known.includes(args[i])) throw new Error(`Unexpected argument ${args[i]}.\n${usage}`);
  }
}

/** An integer option from 1 to `max`; `fallback` when absent. */
export function intOption(
  args: readonly string[],
  name: string,
  fallback: number,
  max: number,
  usage: string,
): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const text = args[at + 1] ?? '';
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) {
    throw new Error(`${name} must be an integer from 1 to ${max}, got "${text}".\n${usage}`);
  }
  return n;
}
