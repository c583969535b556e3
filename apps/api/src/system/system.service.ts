import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DATABASE_MODE } from '../app.module.constants';
import { migrationStatus } from '../database/migrate';
import { DatabaseMode, SystemInfo } from './dto/system-info.model';
import { SystemSetting } from './system-setting.entity';
import { SettingKey } from './system-settings';
import { APP_VERSION } from './version';

@Injectable()
export class SystemService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SystemSetting) private readonly settings: Repository<SystemSetting>,
    @Inject(DATABASE_MODE) private readonly databaseMode: DatabaseMode,
  ) {}

  async info(): Promise<SystemInfo> {
    const [versionRows, status, settings] = await Promise.all([
      this.dataSource.query<Array<{ server_version: string }>>('SHOW server_version'),
      migrationStatus(this.dataSource),
      this.settings.find(),
    ]);
    const byKey = new Map(settings.map((s) => [s.key, s.value]));
    const seededAt = byKey.get(SettingKey.DemoDataLoadedAt);
    return {
      productName: byKey.get(SettingKey.ProductName) ?? '湖北省质量促进条例履职督办系统',
      version: APP_VERSION,
      databaseServerVersion: versionRows[0]?.server_version ?? 'unknown',
      databaseMode: this.databaseMode,
      appliedMigrations: status.applied.length,
      demoDataLoadedAt: seededAt ? new Date(seededAt) : null,
    };
  }
}
