/**
 * PostgreSQL WAL positions (pg_lsn, written `16/B374D848`): 64-bit byte positions in the
 * write-ahead log. Comparing two of them tells whether a standby has replayed past a commit;
 * their difference is the standby's lag in bytes.
 */
export function parseLsn(text: string): bigint {
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!m) throw new Error(`not a WAL position (pg_lsn): ${JSON.stringify(text)}`);
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/** `16/B374D848` again. */
export function formatLsn(lsn: bigint): string {
  const hi = (lsn >> 32n).toString(16).toUpperCase();
  const lo = (lsn & 0xffffffffn).toString(16).toUpperCase();
  return `${hi}/${lo}`;
}

/** Bytes of WAL at `primary` that `replayed` has not reached yet (0 when it has). */
export function bytesBehind(primary: bigint, replayed: bigint): bigint {
  return primary > replayed ? primary - replayed : 0n;
}
