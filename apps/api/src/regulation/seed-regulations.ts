import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { RegulationImportService } from './regulation-import.service';

/** Regulations shipped as data (see ./data/README.md). */
export const SHIPPED_REGULATIONS = [
  {
    code: 'hubei-quality-promotion',
    file: 'hubei-quality-promotion-draft.txt',
    status: 'draft' as const,
    effectiveDate: null,
    // The draft names no competent department; quality promotion is coordinated by 市场监督管理.
    coordinatingDepartment: 'market_regulation',
    // A Hubei regulation (地方性法规): only Hubei's cycles assess it.
    ownerProvinceCode: '420000' as string | null,
  },
];

export function shippedRegulationPath(file: string): string {
  return path.join(__dirname, 'data', file);
}

/**
 * Imports each shipped regulation that the database does not have yet. A regulation that
 * exists is left alone, whatever its versions: the seed never adds a version on top of a
 * user's import.
 */
export async function seedRegulations(dataSource: DataSource): Promise<number> {
  const importer = new RegulationImportService(dataSource);
  let imported = 0;
  for (const regulation of SHIPPED_REGULATIONS) {
    const [exists] = await dataSource.query(`SELECT 1 FROM regulation WHERE code = $1`, [
      regulation.code,
    ]);
    if (exists) continue;
    // Owned by its province when the deployment holds it (else national, as the FK requires).
    const owner = regulation.ownerProvinceCode
      ? ((
          await dataSource.query(`SELECT code FROM admin_unit WHERE code = $1`, [
            regulation.ownerProvinceCode,
          ])
        )[0]?.code ?? null)
      : null;
    await importer.import({
      code: regulation.code,
      text: await readFile(shippedRegulationPath(regulation.file), 'utf8'),
      status: regulation.status,
      effectiveDate: regulation.effectiveDate,
      coordinatingDepartment: regulation.coordinatingDepartment,
      ownerProvinceCode: owner,
      importedBy: 'seed',
    });
    imported++;
  }
  return imported;
}
