import { extractArticleDuties } from '../index';
import type { ActorType, ExtractedDuty, Modality } from '../index';
import { seedArticles } from '../__fixtures__/seed-articles';

/**
 * Whole-regulation summary, frozen after reviewing every one of the 72 duties against the text
 * (see README.md, "Seed regulation: reviewed counts"). A change here is a change of behaviour:
 * re-review the affected duties before updating the numbers.
 */
describe('duty counts over all 42 articles of the seed regulation', () => {
  const duties: ExtractedDuty[] = seedArticles().flatMap((a) => extractArticleDuties(a));

  function table(): Record<string, Record<string, number>> {
    const t: Record<string, Record<string, number>> = {};
    for (const d of duties) {
      t[d.actorType] ??= {};
      t[d.actorType][d.modality] = (t[d.actorType][d.modality] ?? 0) + 1;
    }
    return t;
  }

  function countBy<K extends string>(key: (d: ExtractedDuty) => K): Record<K, number> {
    const counts = {} as Record<K, number>;
    for (const d of duties) counts[key(d)] = (counts[key(d)] ?? 0) + 1;
    return counts;
  }

  it('72 duties, 48 of them government duties', () => {
    expect(duties).toHaveLength(72);
    expect(duties.filter((d) => d.governmentDuty)).toHaveLength(48);
  });

  it('by modality', () => {
    expect(countBy<Modality>((d) => d.modality)).toEqual({
      mandatory: 38,
      declarative: 15,
      encouraged: 18,
      discretionary: 1,
    });
  });

  it('by actorType', () => {
    expect(countBy<ActorType>((d) => d.actorType)).toEqual({
      government: 41,
      department: 7,
      enterprise: 15,
      association: 3,
      third_party: 1,
      public: 3,
      media: 1,
      congress: 1,
    });
  });

  it('by actorType × modality', () => {
    expect(table()).toEqual({
      government: { mandatory: 24, declarative: 13, encouraged: 4 },
      department: { mandatory: 5, declarative: 2 },
      enterprise: { mandatory: 6, encouraged: 9 },
      association: { mandatory: 1, encouraged: 2 },
      third_party: { mandatory: 1 },
      public: { encouraged: 3 },
      media: { mandatory: 1 },
      congress: { discretionary: 1 },
    });
  });

  it('by actor source', () => {
    expect(countBy((d) => d.actorSource)).toEqual({
      explicit: 35,
      'encouraged-party': 14,
      previous: 12,
      'lead-in': 5,
      default: 6,
    });
  });

  it('by article (duties per article)', () => {
    const perArticle: Record<number, number> = {};
    for (const a of seedArticles()) {
      const n = extractArticleDuties(a).length;
      if (n > 0) perArticle[a.number] = n;
    }
    expect(perArticle).toEqual({
      4: 3,
      5: 7,
      6: 2,
      7: 1,
      8: 1,
      9: 1,
      10: 1,
      11: 2,
      12: 3,
      13: 1,
      14: 4,
      15: 2,
      16: 2,
      17: 2,
      18: 1,
      19: 2,
      20: 2,
      21: 1,
      22: 1,
      23: 1,
      24: 1,
      25: 3,
      26: 1,
      27: 1,
      28: 1,
      29: 1,
      30: 4,
      31: 4,
      32: 2,
      33: 1,
      34: 1,
      35: 2,
      36: 2,
      37: 1,
      38: 3,
      39: 2,
      40: 1,
      41: 1,
    });
  });
});
