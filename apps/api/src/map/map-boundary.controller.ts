import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { jurisdictionOf, unitInJurisdiction } from '../access/jurisdiction';
import { HttpAccess, sendError } from '../access/http-access';
import { Role } from '../auth/role';
import { BoundaryLoader, isDivisionCode } from './boundary-loader';

export const BOUNDARY_LOADER = Symbol('BOUNDARY_LOADER');

/** The map's readers: the users who see the overview. */
const MAP_READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
] as const;

/**
 * GET /api/map/boundaries/:code.json — the boundaries of the units directly under division
 * `code` (from MAP_GEOJSON_DIR, validated, normalised to `{ code, name }` properties), for the
 * map to draw instead of its schematic tiles. 404 NOT_FOUND when the deployment supplies no
 * file for the division (the usual case: the map draws tiles); 422 VALIDATION_FAILED with the
 * file's problem in Chinese when the file cannot be used (the map falls back to tiles and
 * says why). A prefecture's users may read only their prefecture's file.
 */
@Controller('api/map')
export class MapBoundaryController {
  constructor(
    private readonly access: HttpAccess,
    @Inject(BOUNDARY_LOADER) private readonly loader: BoundaryLoader,
  ) {}

  @Get('boundaries/:file')
  async boundaries(
    @Req() req: Request,
    @Res() res: Response,
    @Param('file') file: string,
  ): Promise<void> {
    const principal = await this.access.principal(req, res, MAP_READERS, 'GET /api/map/boundaries');
    if (!principal) return;
    const code = file.replace(/\.json$/, '');
    if (!isDivisionCode(code)) {
      return sendError(res, ErrorCode.VALIDATION_FAILED, '请指定 6 位行政区划代码，例如 420000。');
    }
    const jurisdiction = jurisdictionOf(principal);
    if (jurisdiction.kind === 'prefecture' && jurisdiction.prefectureCode !== code) {
      return sendError(res, ErrorCode.NOT_FOUND, '没有该区划的边界数据。');
    }
    if (
      jurisdiction.kind === 'provinces' &&
      !unitInJurisdiction(jurisdiction, { code, parentCode: null })
    ) {
      return sendError(res, ErrorCode.NOT_FOUND, '没有该区划的边界数据。');
    }
    if (jurisdiction.kind === 'unit' || jurisdiction.kind === 'none') {
      return sendError(res, ErrorCode.FORBIDDEN);
    }
    const result = await this.loader.load(code);
    if (result.status === 'absent') {
      return sendError(res, ErrorCode.NOT_FOUND, '没有该区划的边界数据，地图以示意图显示。');
    }
    if (result.status === 'invalid') {
      return sendError(res, ErrorCode.VALIDATION_FAILED, result.message, {}, 422);
    }
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('ETag', result.etag);
    if (req.headers['if-none-match'] === result.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).json(result.collection);
  }
}
