#!/usr/bin/env node
// CI: the code keeps running on the Node.js 20 of the province's machines while the production
// image moves to a maintained LTS (issue 19). This checks that every package the production
// install contains (`npm ci --omit=dev`) accepts the running Node and the lowest Node that
// package.json's engines allow; dev-only tools (build, codegen, tests) that want a newer Node are
// listed as warnings, since they never ship. Exits 1 on a failure.
//
//   node .ci/check-engines.mjs [--lockfile package-lock.json] [--package package.json] [--node 22.12.0]…
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLockfile, minVersion, packageName, parseVersion, satisfies } from './engines.mjs';

/**
 * Packages known to need a newer Node than their engines field says (they warn or fail at run
 * time): checked like an engines field of their own.
 */
const UNDECLARED = [
  {
    name: 'oidc-provider',
    range: '>=22',
    why: 'prints "Unsupported runtime. Use Node.js v22.x LTS" when loaded on Node 20',
  },
];

/**
 * Production packages whose engines.node asks for a newer Node than they need, each reviewed
 * against its code: accepted at exactly this version (an upgrade is checked again). The test
 * suite runs on Node 20 through the paths that load them.
 */
const REVIEWED = [
  {
    name: '@whatwg-node/promise-helpers',
    version: '2.0.2',
    reason:
      'via @apollo/server > @graphql-tools/utils; uses Promise.withResolvers only when present (feature-detected)',
  },
  {
    name: 'file-type',
    version: '22.3.0',
    reason:
      "via @nestjs/common; imported only by Nest's FileTypeValidator, which this code does not use (libs/api/file-types detects types)",
  },
  {
    name: 'nanoid',
    version: '6.0.2',
    reason:
      'via docx, whose dist bundles its own copy; the module itself needs only globalThis.crypto.getRandomValues (Node 19+)',
  },
];

function parseArgs(argv) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = {
    lockfile: path.join(root, 'package-lock.json'),
    pkg: path.join(root, 'package.json'),
    extra: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--lockfile') args.lockfile = path.resolve(value);
    else if (argv[i] === '--package') args.pkg = path.resolve(value);
    else if (argv[i] === '--node') args.extra.push(value);
    else throw new Error(`unknown argument ${argv[i]}`);
    i++;
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const lock = JSON.parse(readFileSync(args.lockfile, 'utf8'));
  const pkg = JSON.parse(readFileSync(args.pkg, 'utf8'));
  const projectRange = pkg.engines?.node;
  if (!projectRange) throw new Error(`${args.pkg} declares no engines.node`);
  const floor = minVersion(projectRange);
  if (!floor) throw new Error(`engines.node "${projectRange}" allows no version`);
  const running = process.version.replace(/^v/, '');
  const versions = [...new Set([running, floor.join('.'), ...args.extra])];
  for (const v of versions) if (!parseVersion(v)) throw new Error(`not a version: ${v}`);

  const problems = [];
  if (!satisfies(running, projectRange)) {
    problems.push(
      `the running Node ${running} is outside package.json's engines "${projectRange}"`,
    );
  }
  const { checked, failures, warnings } = checkLockfile(lock, versions);
  for (const known of UNDECLARED) {
    for (const [lockPath, meta] of Object.entries(lock.packages)) {
      if (packageName(lockPath) !== known.name) continue;
      const refused = versions.filter((v) => !satisfies(v, known.range));
      if (refused.length === 0) continue;
      const entry = {
        name: known.name,
        version: meta.version ?? '?',
        path: lockPath,
        range: `${known.range} (not declared: ${known.why})`,
        refused,
      };
      (meta.dev === true ? warnings : failures).push(entry);
    }
  }

  const reviewed = [];
  const unreviewed = failures.filter((e) => {
    const entry = REVIEWED.find((r) => r.name === e.name && r.version === e.version);
    if (entry) reviewed.push({ ...e, reason: entry.reason });
    return !entry;
  });
  // One line per name@version (npm may install several copies).
  const lines = (entries, extra = () => '') => {
    const seen = new Map();
    for (const e of entries) {
      const key = `${e.name}@${e.version}`;
      seen.set(key, { e, copies: (seen.get(key)?.copies ?? 0) + 1 });
    }
    return [...seen.entries()]
      .map(
        ([key, { e, copies }]) =>
          `  ${key}${copies > 1 ? ` (${copies} copies)` : ''} needs node ${e.range}; refuses ${e.refused.join(', ')}${extra(e)}`,
      )
      .join('\n');
  };
  process.stdout.write(
    `Checked engines.node of ${checked} packages against Node ${versions.join(', ')} ` +
      `(running; lowest of "${projectRange}"${args.extra.length ? '; --node' : ''}).\n`,
  );
  if (warnings.length) {
    process.stdout.write(
      `Warning: ${warnings.length} dev-only package(s) want a newer Node (not shipped; builds and tests only):\n` +
        lines(warnings) +
        '\n',
    );
  }
  if (reviewed.length) {
    process.stdout.write(
      `Reviewed: ${reviewed.length} production package(s) declare a newer Node than they need:\n` +
        lines(reviewed, (e) => `\n      ${e.reason}`) +
        '\n',
    );
  }
  if (unreviewed.length) {
    problems.push(
      `${unreviewed.length} production package(s) refuse a supported Node:\n${lines(unreviewed)}`,
    );
  }
  if (problems.length) {
    process.stderr.write(`Engines check failed:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Every production package runs on these Node versions.\n');
}

try {
  main();
} catch (error) {
  process.stderr.write(`check-engines: ${error.message}\n`);
  process.exit(2);
}
