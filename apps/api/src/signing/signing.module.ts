import { Controller, Get, Global, Inject, Module, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { SIGNING_KEYS, SigningKeys } from './signing-keys';

/**
 * GET /.well-known/duty-signing-keys.json — the public keys that sign sealed evidence packs
 * and result sets, the current one first, earlier ones (after a rotation) marked retired.
 * Unauthenticated: a recipient saves it and checks packs offline (`evidence:verify --public-key`).
 */
@Controller('.well-known')
export class SigningKeysController {
  constructor(@Inject(SIGNING_KEYS) private readonly keys: SigningKeys) {}

  @Get('duty-signing-keys.json')
  publicKeys(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(this.keys.document());
  }
}

/** The signing key, loaded (or generated) once at start; a key that cannot be used stops it. */
@Global()
@Module({
  controllers: [SigningKeysController],
  providers: [
    {
      provide: SIGNING_KEYS,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => SigningKeys.load(config.signing, logger),
    },
  ],
  exports: [SIGNING_KEYS],
})
export class SigningModule {}
