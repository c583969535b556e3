import dayjs from 'dayjs';
import { toEvidenceFilter } from './evidenceFilter';

describe('toEvidenceFilter', () => {
  it('leaves empty fields out', () => {
    expect(
      toEvidenceFilter({ documentNumber: '  ', articleNumber: null, includeHistory: false }),
    ).toEqual({});
  });

  it('maps every field', () => {
    expect(
      toEvidenceFilter({
        cycleId: 'c1',
        unitCode: '422800',
        articleNumber: 12,
        taskStatus: 'VERIFIED',
        documentNumber: ' 恩施发〔2025〕 ',
        uploaded: [dayjs('2025-03-01'), dayjs('2025-03-31')],
        includeHistory: true,
      }),
    ).toEqual({
      cycleId: 'c1',
      unitCode: '422800',
      articleNumber: 12,
      taskStatus: 'VERIFIED',
      documentNumber: '恩施发〔2025〕',
      uploadedFrom: '2025-03-01',
      uploadedTo: '2025-03-31',
      includeHistory: true,
    });
  });

  it('takes an open-ended date range', () => {
    expect(toEvidenceFilter({ uploaded: [null, dayjs('2025-03-31')] })).toEqual({
      uploadedTo: '2025-03-31',
    });
  });
});
