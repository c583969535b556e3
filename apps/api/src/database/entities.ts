import { SystemSetting } from '../system/system-setting.entity';

/** Every TypeORM entity of the API. */
export const entities = [SystemSetting];
