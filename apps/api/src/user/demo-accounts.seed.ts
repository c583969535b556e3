import { hashPassword, verifyPassword } from '@duty/api/passwords';
import { DataSource } from 'typeorm';
import { AppUser } from './user.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

/**
 * Creates the demo accounts that do not exist yet (one per role), with the documented demo
 * password and no forced change, for trying the product. Existing accounts are never touched,
 * except that a demo account without an office gets the demo name, office and phone.
 */
export async function seedDemoAccounts(dataSource: DataSource, costLog2: number): Promise<number> {
  const users = dataSource.getRepository(AppUser);
  let created = 0;
  const hash = await hashPassword(DEMO_PASSWORD, { costLog2 });
  for (const account of DEMO_ACCOUNTS) {
    const existing = await users.findOne({ where: { username: account.username } });
    if (existing) {
      // Accounts seeded before names and offices existed get them once; nothing else changes.
      if (existing.demoAccount && !existing.office) {
        await users.update(
          { id: existing.id },
          {
            displayName: account.displayName,
            office: account.office,
            phone: account.phone ?? null,
          },
        );
      }
      continue;
    }
    let departmentId: string | null = null;
    if (account.departmentKind) {
      const [row] = await dataSource.query(
        `SELECT id FROM department WHERE unit_code = $1 AND kind_code = $2`,
        [account.unitCode, account.departmentKind],
      );
      if (!row)
        throw new Error(
          `Demo seed: no department ${account.departmentKind} in unit ${account.unitCode}`,
        );
      departmentId = row.id;
    }
    await users.insert({
      username: account.username,
      displayName: account.displayName,
      office: account.office,
      phone: account.phone ?? null,
      passwordHash: hash,
      passwordChangedAt: new Date(),
      mustChangePassword: false,
      role: account.role,
      unitCode: account.unitCode ?? null,
      departmentId,
      demoAccount: true,
    });
    created++;
  }
  return created;
}

/** Usernames of demo accounts that still accept the documented demo password. */
export async function accountsWithDemoPassword(dataSource: DataSource): Promise<string[]> {
  const candidates = await dataSource.getRepository(AppUser).find({ where: { demoAccount: true } });
  const found: string[] = [];
  for (const user of candidates) {
    if (await verifyPassword(DEMO_PASSWORD, user.passwordHash)) found.push(user.username);
  }
  return found;
}
