import { EvidenceStore } from '@duty/api/evidence-store';
import { DataSource } from 'typeorm';
import { seedRegulations } from '../regulation/seed-regulations';
import { seedDemoAccounts } from '../user/demo-accounts.seed';
import { seedDemoCycle } from './demo-cycle.seed';
import { SettingKey } from '../system/system-settings';

export interface SeedOptions {
  /** scrypt cost for the demo accounts' password hash. */
  passwordCostLog2: number;
  production: boolean;
  /**
   * Also the demo cycle with its tasks (off in most tests, which make their own), placed so that
   * `today` sits two thirds through it.
   */
  cycle: boolean;
  /** The day the demo cycle is anchored to (default: now; tests pass their clock's). */
  today?: Date;
  /** Where the demo cycle's evidence files go (required with `cycle`). */
  evidenceStore?: EvidenceStore;
}

export interface SeedResult {
  /** Settings rows inserted by this run; 0 when they were already there. */
  inserted: number;
  /** Regulations imported by this run (the shipped texts the database did not have). */
  regulations: number;
  /** Demo accounts created by this run. */
  accounts: number;
  /** Tasks of the demo cycle created by this run. */
  tasks: number;
}

/**
 * Loads the demo data. Idempotent: running it again inserts nothing and changes nothing
 * that a user may have edited since. Later features add their own steps here.
 */
export async function seedDemoData(
  dataSource: DataSource,
  options: SeedOptions,
): Promise<SeedResult> {
  if (options.production) {
    throw new Error(
      'The demo seed does not run with NODE_ENV=production: its accounts have documented passwords.',
    );
  }
  const inserted = await seedSettings(dataSource);
  const regulations = await seedRegulations(dataSource);
  const accounts = await seedDemoAccounts(dataSource, options.passwordCostLog2);
  if (options.cycle && !options.evidenceStore) {
    throw new Error('The demo cycle needs the evidence store for its evidence files.');
  }
  const tasks =
    options.cycle && options.evidenceStore
      ? await seedDemoCycle(dataSource, options.evidenceStore, options.today)
      : 0;
  return { inserted, regulations, accounts, tasks };
}

function seedSettings(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const rows: Array<[string, string]> = [
      [SettingKey.ProductName, '湖北省质量促进条例履职督办系统'],
      [SettingKey.DemoDataLoadedAt, new Date().toISOString()],
    ];
    let inserted = 0;
    for (const [key, value] of rows) {
      const result = await manager.query<unknown[]>(
        `INSERT INTO system_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, value],
      );
      inserted += result.length;
    }
    return inserted;
  });
}
