// Types of engines.mjs for the TypeScript tests that import it.
export type Version = [number, number, number];

export interface EngineProblem {
  name: string;
  version: string;
  path: string;
  range: string;
  refused: string[];
}

export function parseVersion(text: string): Version | null;
export function compare(a: Version, b: Version): number;
export function satisfies(version: string | Version, range: string): boolean;
export function minVersion(range: string): Version | null;
export function nodeRange(engines: unknown): string | null;
export function packageName(lockPath: string): string;
export function checkLockfile(
  lock: unknown,
  versions: string[],
): { checked: number; failures: EngineProblem[]; warnings: EngineProblem[] };
