import { notApplicableDraftProblem, notApplicableTagColor } from './notApplicable';

describe('notApplicableDraftProblem', () => {
  it.each([
    [{ reason: '  ', documentReference: '文号' }, 'reasonRequired'],
    [{ reason: '长'.repeat(2001), documentReference: '文号' }, 'reasonTooLong'],
    [{ reason: '无此行业', documentReference: ' ' }, 'proofRequired'],
    [{ reason: '无此行业', evidenceIds: [] }, 'proofRequired'],
    [{ reason: '无此行业', documentReference: '号'.repeat(201) }, 'referenceTooLong'],
    [{ reason: '无此行业', documentReference: '恩施市经信〔2026〕3号' }, null],
    [{ reason: '无此行业', evidenceIds: ['e1'] }, null],
  ])('%j → %s', (draft, problem) => {
    expect(notApplicableDraftProblem(draft)).toBe(problem);
  });
});

describe('notApplicableTagColor', () => {
  it('marks each status and nothing for an applicable task', () => {
    expect(notApplicableTagColor('APPROVED')).toBe('default');
    expect(notApplicableTagColor('REQUESTED')).toBe('gold');
    expect(notApplicableTagColor('REJECTED')).toBe('red');
    expect(notApplicableTagColor(null)).toBeNull();
  });
});
