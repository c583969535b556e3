import { migrations } from '@duty/migrations';

// TypeORM applies migrations in timestamp order, and backups record them in that order; the
// explicit list must agree, or a restore refuses a backup of this very build
// (BACKUP_MIGRATIONS_UNKNOWN). Parallel work adds entries to the list: keep it sorted.
describe('the migrations list', () => {
  const timestamps = migrations.map((migration) => {
    const stamp = /(\d{13})$/.exec(migration.name)?.[1];
    if (!stamp) throw new Error(`migration class ${migration.name} does not end in a timestamp`);
    return Number(stamp);
  });

  it('is in timestamp order, with no timestamp twice', () => {
    const sorted = [...timestamps].sort((a, b) => a - b);
    expect(timestamps).toEqual(sorted);
    expect(new Set(timestamps).size).toBe(timestamps.length);
  });
});
