import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractRegulationDuties } from '../index';
import type { ActorType, DutyKind, ExtractedDuty, Modality } from '../index';
import { seedRegulation } from '../__fixtures__/seed-articles';

/**
 * The Hubei draft's register is pinned: `hubei-register-before-issue-14.tsv` is the register as
 * it was reviewed before the extraction was generalised (72 duties, 44 tracked). Every field of
 * every one of those duties must come out the same, except the corrections named here.
 */
const NAMED_CORRECTIONS: Record<string, { fields: string[]; why: string }> = {
  '14.3.0.2': { fields: ['actor_type', 'levels', 'lead', 'actor_source'], why: '支持 X …: X acts' },
  '19.2.0.1': { fields: ['actor_type', 'levels', 'lead', 'actor_source'], why: '支持 X …: X acts' },
  '20.2.0.1': {
    fields: ['actor_type', 'levels', 'departments', 'lead', 'actor_source'],
    why: '支持 X …: X acts (the IP department was carried from the sentence before)',
  },
  '30.2.0.2': { fields: ['actor_type', 'levels', 'lead', 'actor_source'], why: '引导 X …: X acts' },
  '15.2.0.1': { fields: ['actor_source'], why: "'default' is now 'inferred' (from 第四条)" },
  '25.1.0.1': { fields: ['actor_source'], why: "'default' is now 'inferred' (from 第四条)" },
  '26.1.0.1': { fields: ['actor_source'], why: "'default' is now 'inferred' (from 第四条)" },
  '27.1.0.1': { fields: ['actor_source'], why: "'default' is now 'inferred' (from 第四条)" },
  '28.1.0.1': { fields: ['actor_source'], why: "'default' is now 'inferred' (from 第四条)" },
  '40.1.0.1': { fields: ['actor_source'], why: "'default' is now 'inferred' (from 第四条)" },
};
/** Statements that were skipped and are now in the register with their kind, untracked. */
const NEW_STATEMENTS: Record<string, DutyKind> = {
  '1.1.0.1': 'purpose',
  '2.1.0.1': 'scope',
  '3.1.0.1': 'other',
  '42.1.0.1': 'effective_date',
};
/** Encouragements of a second party that used to be folded into the statement before them. */
const SPLIT_ENCOURAGEMENTS: Record<string, string> = {
  '33.1.0.2':
    '鼓励保险机构……，支持市场主体运用保险手段……: the support addresses 市场主体, a party of its own',
};

const extraction = extractRegulationDuties(seedRegulation(), {
  coordinatingDepartment: 'market_regulation',
});
const duties: Array<{ key: string; d: ExtractedDuty }> = extraction.articles.flatMap((a) =>
  a.duties.map((d) => ({ key: `${a.number}.${d.paragraph}.${d.item ?? 0}.${d.sequence}`, d })),
);

function row(d: ExtractedDuty): Record<string, string> {
  return {
    actor_type: d.actorType,
    levels: d.levels.join(','),
    modality: d.modality,
    departments: d.departments.join(','),
    lead: d.suggestedLeadDepartment ?? '-',
    tracked: d.trackedByDefault ? '1' : '0',
    actor_source: d.actorSource,
  };
}

describe('the Hubei draft register (pinned)', () => {
  const lines = readFileSync(
    join(__dirname, '../__fixtures__/hubei-register-before-issue-14.tsv'),
    'utf8',
  )
    .trim()
    .split('\n');
  const header = lines[0].split('\t');
  const before = new Map(
    lines.slice(1).map((l) => {
      const f = l.split('\t');
      return [f[0], Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']))];
    }),
  );

  it('is read from the text as a provincial regulation', () => {
    expect(extraction.context).toMatchObject({ kind: 'provincial_regulation', tier: 'province' });
    expect(extraction.allocations.general).toMatchObject({ article: 4, paragraph: 1 });
  });

  it('every earlier duty is still there, identical except the named corrections', () => {
    const now = new Map(duties.map(({ key, d }) => [key, row(d)]));
    for (const [key, old] of before) {
      const current = now.get(key);
      expect({ key, present: current !== undefined }).toEqual({ key, present: true });
      const allowed = NAMED_CORRECTIONS[key]?.fields ?? [];
      for (const field of header.slice(1)) {
        if (allowed.includes(field)) continue;
        expect({ key, field, value: current?.[field] }).toEqual({ key, field, value: old[field] });
      }
    }
  });

  it('each named correction does change what it names', () => {
    for (const [key, c] of Object.entries(NAMED_CORRECTIONS)) {
      const current = row(duties.find((x) => x.key === key)?.d as ExtractedDuty);
      const changed = c.fields.filter((f) => current[f] !== before.get(key)?.[f]);
      expect({ key, changed }).toEqual({ key, changed: c.fields });
    }
  });

  it('the only new rows are the purpose, scope, principle and effective-date statements and named encouragements', () => {
    const added = duties.filter(({ key }) => !before.has(key));
    const formulas = added.filter(({ key }) => !(key in SPLIT_ENCOURAGEMENTS));
    expect(Object.fromEntries(formulas.map(({ key, d }) => [key, d.kind]))).toEqual(NEW_STATEMENTS);
    expect(formulas.every(({ d }) => !d.trackedByDefault && d.actorType === 'none')).toBe(true);
    const split = added.filter(({ key }) => key in SPLIT_ENCOURAGEMENTS);
    expect(split.map(({ key }) => key).sort()).toEqual(Object.keys(SPLIT_ENCOURAGEMENTS).sort());
    for (const { d } of split) {
      expect(d).toMatchObject({
        modality: 'encouraged',
        governmentDuty: false,
        trackedByDefault: false,
      });
    }
  });

  it('named correction of the joined types: 企业事业单位 are enterprises and public institutions (convention 43)', () => {
    const encouraged = duties.filter(({ d }) => d.text.startsWith('鼓励企业事业单位和社会组织'));
    expect(encouraged.map(({ key }) => key)).toEqual(['11.2.0.1']);
    // Was ['enterprise', 'association']; the primary actor type and every pinned field are unchanged.
    expect(encouraged[0].d.actorTypes).toEqual(['enterprise', 'public', 'association']);
    expect(encouraged[0].d).toMatchObject({ actorType: 'enterprise', trackedByDefault: false });
  });

  it('77 statements: 73 implementation duties, 44 of them tracked', () => {
    expect(duties).toHaveLength(77);
    expect(duties.filter(({ d }) => d.kind === 'implementation')).toHaveLength(73);
    expect(duties.filter(({ d }) => d.trackedByDefault)).toHaveLength(44);
    const byActor: Partial<Record<ActorType, number>> = {};
    const byModality: Partial<Record<Modality, number>> = {};
    for (const { d } of duties) {
      byActor[d.actorType] = (byActor[d.actorType] ?? 0) + 1;
      byModality[d.modality] = (byModality[d.modality] ?? 0) + 1;
    }
    expect(byActor).toEqual({
      government: 37,
      department: 7,
      enterprise: 19,
      association: 3,
      third_party: 1,
      public: 4,
      media: 1,
      congress: 1,
      none: 4,
    });
    expect(byModality).toEqual({
      mandatory: 38,
      declarative: 19,
      encouraged: 19,
      discretionary: 1,
    });
  });
});
