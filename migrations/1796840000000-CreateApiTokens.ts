import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine API tokens (issue 19, item 4): named, scoped, expiring credentials the security
 * administrator issues for other government systems, bound to one unit's subtree. Only the
 * SHA-256 of the token is stored (the token itself is shown once, at issue); `public_id` finds
 * the row without comparing hashes across rows. The rate-limit bucket (`rate_tokens`,
 * `rate_refilled_at`) lives on the row so that the limit holds across restarts and processes.
 */
export class CreateApiTokens1796840000000 implements MigrationInterface {
  name = 'CreateApiTokens1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "public_id" character varying(12) NOT NULL,
        "secret_hash" character(64) NOT NULL,
        "name" character varying(100) NOT NULL,
        "scopes" character varying(40) array NOT NULL,
        "unit_code" character varying(12) NOT NULL,
        "rate_limit_per_minute" integer NOT NULL DEFAULT 60,
        "created_by_id" uuid NOT NULL,
        "created_by" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_by" character varying(64),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "use_count" integer NOT NULL DEFAULT 0,
        "rate_tokens" double precision,
        "rate_refilled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_api_token" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_api_token_scopes" CHECK (cardinality("scopes") > 0 AND "scopes" <@ ARRAY['ANALYTICS_READ', 'EVIDENCE_METADATA_READ']::varchar[]),
        CONSTRAINT "CHK_api_token_expiry" CHECK ("expires_at" > "created_at"),
        CONSTRAINT "CHK_api_token_revoked" CHECK (("revoked_at" IS NULL) = ("revoked_by" IS NULL)),
        CONSTRAINT "CHK_api_token_rate" CHECK ("rate_limit_per_minute" BETWEEN 1 AND 600),
        CONSTRAINT "CHK_api_token_secret_hash" CHECK ("secret_hash" ~ '^[0-9a-f]{64}$')
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_api_token_public_id" ON "api_token" ("public_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_api_token_created" ON "api_token" ("created_at") ');
    await queryRunner.query(
      'ALTER TABLE "api_token" ADD CONSTRAINT "FK_api_token_unit" FOREIGN KEY ("unit_code") REFERENCES "admin_unit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_token" ADD CONSTRAINT "FK_api_token_created_by" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "api_token"');
  }
}
