import { chinesePdf, chinesePdfText } from './demo-pdf';
import {
  addMonths,
  demoCycleDates,
  planStories,
  statusAt,
  unitProfiles,
  DEMO_OPERATOR_PROFILES,
} from './demo-story';

describe('the demo story', () => {
  it('places the cycle eight months back and a year long, month ends clamped', () => {
    expect(demoCycleDates('2026-12-06')).toMatchObject({
      start: '2026-04-06',
      due: '2027-04-05',
      midDue: '2026-10-05',
      year: 2026,
      title: '2026年度湖北省质量促进条例实施考核（演示）',
      elapsedDays: 244,
    });
    expect(demoCycleDates('2026-10-31')).toMatchObject({ start: '2026-02-28', due: '2027-02-27' });
    expect(demoCycleDates('2028-02-29').start).toBe('2027-06-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('gives units profiles in fixed shares per level, the demo operators’ units theirs', () => {
    const counties = Array.from({ length: 100 }, (_, i) => ({
      code: String(420101 + i),
      level: 'county',
    }));
    const profiles = unitProfiles([...counties, { code: '422801', level: 'county' }]);
    const count = (p: string) => [...profiles.values()].filter((x) => x === p).length;
    expect([
      count('AHEAD'),
      count('GOOD'),
      count('ON_SCHEDULE'),
      count('BEHIND'),
      count('FAR_BEHIND'),
    ]).toEqual([12, 25, 39, 17, 8]);
    expect(profiles.get('420102')).toBe(DEMO_OPERATOR_PROFILES['420102']);
    expect(profiles.get('422801')).toBe(DEMO_OPERATOR_PROFILES['422801']);
  });

  it('orders statuses by position and keeps every step before today, in order', () => {
    expect(['AHEAD', 'FAR_BEHIND'].map((p) => statusAt(p as never, 0.5))).toEqual([
      'VERIFIED',
      'IN_PROGRESS',
    ]);
    const dates = demoCycleDates('2026-12-06');
    const tasks = Array.from({ length: 400 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      unitCode: String(420101 + (i % 10)),
      chapter: 1 + (i % 7),
      early: i % 8 === 0,
    }));
    const profiles = unitProfiles(tasks.map((t) => ({ code: t.unitCode, level: 'county' })));
    const stories = planStories(dates, tasks, profiles);
    expect(stories).toHaveLength(400);
    for (const s of stories) {
      const steps = [
        s.acknowledgedDay,
        s.startedDay,
        s.extension?.requestedDay,
        s.extension?.decidedDay,
        s.submittedDay,
        s.returnedDay,
        s.verifiedDay,
      ].filter((d): d is number => d !== null && d !== undefined);
      expect(steps.every((d) => d >= 1 && d < dates.elapsedDays)).toBe(true);
      if (s.startedDay !== null) expect(s.acknowledgedDay).not.toBeNull();
      if (s.submittedDay !== null) expect(s.submittedDay).toBeGreaterThan(s.startedDay!);
      if (s.verifiedDay !== null) expect(s.verifiedDay).toBeGreaterThan(s.submittedDay!);
      if (s.returnedDay !== null) expect(s.returnedDay).toBeGreaterThan(s.submittedDay!);
    }
    // Deterministic.
    expect(planStories(dates, [...tasks].reverse(), profiles)).toEqual(stories);
  });
});

describe('the demo evidence PDF', () => {
  it('writes Chinese text as UCS-2 codes of STSong-Light, with a ToUnicode map', () => {
    const pdf = chinesePdf(['恩施市实施方案', '第12条 质量强市（演示）'], {
      title: '恩施市实施方案',
    });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.4')).toBe(true);
    expect(raw).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(raw).toContain('<6069> <6069>'); // 恩, mapped to itself for copy and search
    expect(raw).not.toContain('?');
    expect(chinesePdfText(pdf)).toEqual(['恩施市实施方案', '第12条 质量强市（演示）']);
    // The cross-reference table points at each object.
    const xref = Number(/startxref\n(\d+)/.exec(raw)![1]);
    expect(raw.slice(xref, xref + 4)).toBe('xref');
    Array.from(raw.matchAll(/(\d{10}) 00000 n /g), (m) => Number(m[1])).forEach((offset, i) =>
      expect(raw.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true),
    );
  });
});
