import { AuditTargetKind, parseAuditTarget } from './audit-target';

describe('parseAuditTarget', () => {
  it('splits the stored targets into kinds and ids', () => {
    expect(parseAuditTarget('user:enshi-zhou')).toEqual([
      { kind: AuditTargetKind.USER, id: 'enshi-zhou' },
    ]);
    expect(parseAuditTarget('session:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toEqual([
      { kind: AuditTargetKind.SESSION, id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
    ]);
    expect(parseAuditTarget('cycle:c-1 unit:422801')).toEqual([
      { kind: AuditTargetKind.CYCLE, id: 'c-1' },
      { kind: AuditTargetKind.UNIT, id: '422801' },
    ]);
    expect(parseAuditTarget(`evidence sha256:${'a'.repeat(64)}`)).toEqual([
      { kind: AuditTargetKind.EVIDENCE, id: 'a'.repeat(64) },
    ]);
  });

  it('keeps text it does not recognise whole, and nothing for no target', () => {
    expect(parseAuditTarget('lisi')).toEqual([{ kind: AuditTargetKind.OTHER, id: 'lisi' }]);
    expect(parseAuditTarget('user:a something')).toEqual([
      { kind: AuditTargetKind.OTHER, id: 'user:a something' },
    ]);
    expect(parseAuditTarget('user:')).toEqual([{ kind: AuditTargetKind.OTHER, id: 'user:' }]);
    expect(parseAuditTarget(null)).toEqual([]);
    expect(parseAuditTarget('  ')).toEqual([]);
  });
});
