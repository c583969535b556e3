import type { Duty } from '../graphql/types';
import { dutyMatches, EMPTY_FILTER, isFilterActive } from './dutyFilter';
import { segmentText } from './highlight';
import { toReviewInput } from './reviewInput';

const duty = (overrides: Partial<Duty> = {}): Duty => ({
  __typename: 'Duty',
  id: 'd1',
  lineageId: 'l1',
  text: '县级以上人民政府应当加强质量工作。',
  subject: '加强质量工作',
  actorText: '县级以上人民政府',
  actorType: 'GOVERNMENT',
  levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
  modality: 'MANDATORY',
  kind: 'IMPLEMENTATION',
  needsReview: false,
  governmentDuty: true,
  tracked: true,
  reviewState: 'EXTRACTED',
  reviewedAt: null,
  reviewedBy: null,
  reviewer: null,
  rowVersion: 3,
  itemNumber: 0,
  sequence: 1,
  departments: [
    {
      __typename: 'DutyDepartment',
      role: 'LEAD',
      fromText: false,
      department: { __typename: 'DepartmentKind', code: 'market', name: '市场监督管理' },
    },
  ],
  cues: [],
  extracted: { __typename: 'ExtractedDutyFields', actorSource: 'explicit' },
  ...overrides,
});

describe('segmentText', () => {
  it('marks each duty statement in order and keeps the rest', () => {
    const text = '甲应当做A。乙应当做B。其他。';
    expect(
      segmentText(text, [
        { id: 'a', text: '甲应当做A。' },
        { id: 'b', text: '乙应当做B。' },
      ]),
    ).toEqual([
      { text: '甲应当做A。', dutyId: 'a' },
      { text: '乙应当做B。', dutyId: 'b' },
      { text: '其他。' },
    ]);
  });

  it('leaves out duties not found or overlapping, and loses no text', () => {
    const text = '前言，甲应当做A。';
    const segments = segmentText(text, [
      { id: 'a', text: '甲应当做A。' },
      { id: 'x', text: '不在文中' },
      { id: 'o', text: '做A' },
    ]);
    expect(segments).toEqual([{ text: '前言，' }, { text: '甲应当做A。', dutyId: 'a' }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});

describe('dutyMatches', () => {
  it('matches everything without filters', () => {
    expect(dutyMatches(duty(), EMPTY_FILTER)).toBe(true);
  });
  it('filters by search text, modality, department and review state together', () => {
    expect(dutyMatches(duty(), { search: '质量工作' })).toBe(true);
    expect(dutyMatches(duty(), { search: '市场监督' })).toBe(true);
    expect(dutyMatches(duty(), { search: '媒体' })).toBe(false);
    expect(dutyMatches(duty(), { search: '', modality: 'ENCOURAGED' })).toBe(false);
    expect(dutyMatches(duty(), { search: '', departmentCode: 'market' })).toBe(true);
    expect(dutyMatches(duty(), { search: '', departmentCode: 'finance' })).toBe(false);
    expect(dutyMatches(duty(), { search: '', reviewState: 'REVIEWED' })).toBe(false);
  });
  it('filters by kind (any of those chosen), tracking and the review flag', () => {
    const sanction = duty({ kind: 'ENFORCEMENT', tracked: false, needsReview: true });
    expect(dutyMatches(duty(), { search: '', kinds: ['IMPLEMENTATION'] })).toBe(true);
    expect(dutyMatches(sanction, { search: '', kinds: ['IMPLEMENTATION'] })).toBe(false);
    expect(dutyMatches(sanction, { search: '', kinds: ['IMPLEMENTATION', 'ENFORCEMENT'] })).toBe(
      true,
    );
    expect(dutyMatches(sanction, { search: '', tracked: true })).toBe(false);
    expect(dutyMatches(sanction, { search: '', tracked: false })).toBe(true);
    expect(dutyMatches(duty(), { search: '', needsReview: true })).toBe(false);
    expect(dutyMatches(sanction, { search: '', needsReview: true })).toBe(true);
    expect(isFilterActive({ search: '', kinds: [] })).toBe(false);
    expect(isFilterActive({ search: '', tracked: false })).toBe(true);
  });
});

describe('toReviewInput', () => {
  const values = {
    actorType: 'GOVERNMENT' as const,
    levels: ['COUNTY' as const],
    modality: 'MANDATORY' as const,
    leadDepartmentCode: 'market',
    assistingDepartmentCodes: ['market', 'finance'],
    tracked: true,
    note: '  ',
  };
  it('sends the read row version and drops the lead from the assisting departments', () => {
    expect(toReviewInput(duty(), values)).toEqual({
      dutyId: 'd1',
      expectedRowVersion: 3,
      actorType: 'GOVERNMENT',
      modality: 'MANDATORY',
      levels: ['COUNTY'],
      leadDepartmentCode: 'market',
      assistingDepartmentCodes: ['finance'],
      tracked: true,
    });
  });
  it('leaves levels, departments and tracking out for a non-government actor', () => {
    expect(toReviewInput(duty(), { ...values, actorType: 'ENTERPRISE', note: '企业义务' })).toEqual(
      {
        dutyId: 'd1',
        expectedRowVersion: 3,
        actorType: 'ENTERPRISE',
        modality: 'MANDATORY',
        note: '企业义务',
      },
    );
  });
});
