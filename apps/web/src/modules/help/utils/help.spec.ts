import { helpContentEn } from '../content/en-US';
import { helpContentZh } from '../content/zh-CN';
import { guideAnchor, helpPath, orderGuides, searchGlossary } from './help';

const ROLES = [
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'COUNTY_OPERATOR',
  'AUDITOR',
  'SYSTEM_ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
] as const;

describe('help content', () => {
  it.each([
    ['zh-CN', helpContentZh],
    ['en-US', helpContentEn],
  ])(
    '%s: at least 20 glossary terms with definitions, a guide for every role',
    (_lang, content) => {
      expect(content.glossary.length).toBeGreaterThanOrEqual(20);
      for (const entry of content.glossary) {
        expect(entry.term.trim()).not.toBe('');
        expect(entry.definition.length).toBeGreaterThan(10);
      }
      expect(new Set(content.glossary.map((e) => e.term)).size).toBe(content.glossary.length);
      expect(content.guides.map((g) => g.role).sort()).toEqual([...ROLES].sort());
      for (const guide of content.guides) {
        expect(guide.firstSteps.length).toBeGreaterThan(0);
        expect(guide.where.length).toBeGreaterThan(0);
      }
    },
  );

  it('has the same terms in both languages (the English names the Chinese term)', () => {
    expect(helpContentEn.glossary).toHaveLength(helpContentZh.glossary.length);
    for (const term of ['履职主体', '牵头', '配合', '佐证材料', '督办单']) {
      expect(
        helpContentZh.glossary.some((e) => e.term.includes(term) || e.aka?.includes(term)),
      ).toBe(true);
      expect(helpContentEn.glossary.some((e) => e.aka?.includes(term))).toBe(true);
    }
  });
});

describe('help utilities', () => {
  it('puts the signed-in role’s guide first', () => {
    const ordered = orderGuides(helpContentZh.guides, 'COUNTY_OPERATOR');
    expect(ordered[0].role).toBe('COUNTY_OPERATOR');
    expect(ordered).toHaveLength(helpContentZh.guides.length);
    expect(orderGuides(helpContentZh.guides, null).map((g) => g.role)).toEqual(
      helpContentZh.guides.map((g) => g.role),
    );
  });

  it('links the header to the role’s guide', () => {
    expect(helpPath('AUDITOR')).toBe(`/help#${guideAnchor('AUDITOR')}`);
    expect(helpPath(null)).toBe('/help');
  });

  it('searches terms, other names and definitions', () => {
    expect(searchGlossary(helpContentZh.glossary, '督办单').map((e) => e.term)).toContain('督办单');
    expect(searchGlossary(helpContentEn.glossary, 'URGING').map((e) => e.term)).toContain(
      'Urging notice',
    );
    expect(searchGlossary(helpContentZh.glossary, '  ')).toHaveLength(
      helpContentZh.glossary.length,
    );
    expect(searchGlossary(helpContentZh.glossary, '不存在的词')).toEqual([]);
  });
});
