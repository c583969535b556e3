/** Calendar days follow the app-wide rule (utils/format): `2025年3月1日` / `March 1, 2025`. */
export { formatDay } from '../../../utils/format';
