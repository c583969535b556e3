import { Field, ObjectType } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AppUser } from './user.entity';

/**
 * A person as shown next to what they did (history, comments, urging notices, uploads …):
 * name and office only. Records keep the username they were written with; the name is resolved
 * when read, so a renamed user shows the new name and a deleted or unknown user falls back to
 * the username. Phone and role stay in the administrator's views.
 */
@ObjectType('Person', { description: 'Who did something, for display: name and office.' })
export class PersonModel {
  @Field({ description: 'The stored username (for a tooltip); not for display on its own.' })
  username!: string;

  @Field({ description: 'Display name, or the username when the account is unknown.' })
  name!: string;

  @Field(() => String, { nullable: true, description: '单位/科室.' })
  office!: string | null;

  @Field({ description: '“name（office）”, or the name alone: what a page shows.' })
  label!: string;

  @Field({ description: 'False for an automatic actor (system, demo seed).' })
  human!: boolean;
}

/**
 * Actors that are not accounts: the server's own jobs, the seeds and the command line. These
 * names are reserved: no account can be created with one (it would display as 系统).
 */
const SYSTEM_ACTORS: Record<string, string> = {
  system: '系统（自动）',
  'demo-seed': '系统（演示数据）',
  seed: '系统（初始数据）',
  'bench-seed': '系统（性能测试数据）',
  cli: '系统（命令行）',
};

/** The command line records `cli:<OS user>` (e.g. a regulation imported from the shell). */
const CLI_PREFIX = 'cli:';

function systemLabel(username: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(SYSTEM_ACTORS, username)) return SYSTEM_ACTORS[username];
  return username.startsWith(CLI_PREFIX) ? SYSTEM_ACTORS.cli : undefined;
}

/** True for a name written by the system rather than by an account (see SYSTEM_ACTORS). */
export function isSystemActor(username: string): boolean {
  return systemLabel(username) !== undefined;
}

export function personLabel(name: string, office: string | null | undefined): string {
  return office?.trim() ? `${name}（${office.trim()}）` : name;
}

export function personOf(
  username: string,
  user: Pick<AppUser, 'displayName' | 'office'> | undefined,
): PersonModel {
  const system = systemLabel(username);
  if (system) return { username, name: system, office: null, label: system, human: false };
  const name = user?.displayName?.trim() || username;
  const office = user?.office?.trim() || null;
  return { username, name, office, label: personLabel(name, office), human: true };
}

/** People by username, one statement per request (create one per GraphQL request). */
export function createPersonLoader(
  dataSource: DataSource | EntityManager,
): DataLoader<string, PersonModel> {
  return new DataLoader(async (usernames) => {
    const wanted = [...new Set(usernames.filter((u) => !isSystemActor(u)))];
    const rows = wanted.length
      ? await dataSource.getRepository(AppUser).find({
          select: { username: true, displayName: true, office: true },
          where: { username: In(wanted) },
        })
      : [];
    const byName = new Map(rows.map((row) => [row.username, row]));
    return usernames.map((u) => personOf(u, byName.get(u)));
  });
}

/**
 * For non-GraphQL readers (exports): every username's label in one statement. Inside a
 * transaction, pass its EntityManager: the statement then runs on the transaction's own
 * connection instead of waiting for a second one from the pool.
 */
export async function personLabels(
  dataSource: DataSource | EntityManager,
  usernames: Iterable<string>,
): Promise<Map<string, string>> {
  const list = [...new Set(usernames)].filter(Boolean);
  const people = await createPersonLoader(dataSource).loadMany(list);
  const out = new Map<string, string>();
  list.forEach((u, i) => {
    const p = people[i];
    out.set(u, p instanceof Error ? u : p.label);
  });
  return out;
}
