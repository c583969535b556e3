import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duty kinds (implementation, enforcement, prohibition, definition …), the review flag for an
 * actor inferred from another article, national bodies and actor-less statements, and the kind
 * of text (法律, 行政法规, 地方性法规 …) with its allocation clauses on each version.
 *
 * Existing duties were all extracted as implementation duties; existing versions get a kind and
 * tier from their title's place name, the way the extractor reads it (a reviewer re-imports to
 * get the full detection with front matter and allocation clauses).
 */
export class AddDutyKindsAndTextContext1796535087863 implements MigrationInterface {
  name = 'AddDutyKindsAndTextContext1796535087863';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "duty" ADD "kind" character varying(20)');
    await queryRunner.query(`UPDATE "duty" SET "kind" = 'implementation'`);
    await queryRunner.query(
      `UPDATE "duty" SET "extracted" = "extracted" || '{"kind": "implementation"}'::jsonb`,
    );
    await queryRunner.query('ALTER TABLE "duty" ALTER COLUMN "kind" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "duty" ADD "needs_review" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      `ALTER TABLE "duty" ADD CONSTRAINT "CHK_duty_kind" CHECK ("kind" IN ('implementation', 'enforcement', 'prohibition', 'definition', 'purpose', 'scope', 'effective_date', 'liability', 'other'))`,
    );
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "CHK_duty_actor_type"');
    await queryRunner.query(
      `ALTER TABLE "duty" ADD CONSTRAINT "CHK_duty_actor_type" CHECK ("actor_type" IN ('government', 'department', 'congress', 'judicial', 'enterprise', 'association', 'third_party', 'media', 'public', 'none'))`,
    );
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "CHK_duty_levels"');
    await queryRunner.query(
      `ALTER TABLE "duty" ADD CONSTRAINT "CHK_duty_levels" CHECK ("levels" <@ ARRAY['national', 'province', 'prefecture', 'county']::text[])`,
    );

    await queryRunner.query(
      'ALTER TABLE "regulation_version" ADD "text_kind" character varying(30), ADD "jurisdiction_tier" character varying(20), ADD "text_context" jsonb, ADD "allocations" jsonb',
    );
    await queryRunner.query(`UPDATE "regulation_version" SET
        "text_kind" = CASE
          WHEN "title" ~ '^中华人民共和国.*法([（(].*[）)])?$' THEN 'law'
          WHEN "title" ~ '^中华人民共和国' THEN 'administrative_regulation'
          WHEN "title" ~ '^(北京市|天津市|上海市|重庆市)' THEN 'municipal_regulation'
          WHEN "title" ~ '^[一-龥]{2,3}省|^[一-龥]{2,12}?自治区' THEN 'provincial_regulation'
          WHEN "title" ~ '^[一-龥]{2,12}?(市|自治州)' THEN 'city_regulation'
          ELSE 'unknown' END,
        "jurisdiction_tier" = CASE
          WHEN "title" ~ '^中华人民共和国' THEN 'national'
          WHEN "title" ~ '^(北京市|天津市|上海市|重庆市)' THEN 'municipality'
          WHEN "title" ~ '^[一-龥]{2,3}省|^[一-龥]{2,12}?自治区' THEN 'province'
          WHEN "title" ~ '^[一-龥]{2,12}?(市|自治州)' THEN 'city'
          ELSE 'province' END,
        "text_context" = jsonb_build_object('evidence', "title", 'explanation',
          '升级时按标题补记的文本类别；重新导入可按题注和条文重新识别'),
        "allocations" = '{}'::jsonb`);
    for (const column of ['text_kind', 'jurisdiction_tier', 'text_context', 'allocations']) {
      await queryRunner.query(
        `ALTER TABLE "regulation_version" ALTER COLUMN "${column}" SET NOT NULL`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "regulation_version" ADD CONSTRAINT "CHK_regulation_version_tier" CHECK ("jurisdiction_tier" IN ('national', 'province', 'municipality', 'city'))`,
    );
    // The regulation's coordinating department (牵头协调部门), set at import for a text that
    // names no competent department of its own. The shipped Hubei draft had it implicitly.
    await queryRunner.query(
      'ALTER TABLE "regulation" ADD "coordinating_department" character varying(50)',
    );
    await queryRunner.query(
      `UPDATE "regulation" SET "coordinating_department" = 'market_regulation' WHERE "code" = 'hubei-quality-promotion'`,
    );
    await queryRunner.query(
      `ALTER TABLE "regulation_version" ADD CONSTRAINT "CHK_regulation_version_text_kind" CHECK ("text_kind" IN ('law', 'administrative_regulation', 'provincial_regulation', 'municipal_regulation', 'city_regulation', 'departmental_rules', 'local_government_rules', 'unknown'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "regulation" DROP COLUMN "coordinating_department"');
    await queryRunner.query(
      'ALTER TABLE "regulation_version" DROP CONSTRAINT "CHK_regulation_version_text_kind"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_version" DROP CONSTRAINT "CHK_regulation_version_tier"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_version" DROP COLUMN "allocations", DROP COLUMN "text_context", DROP COLUMN "jurisdiction_tier", DROP COLUMN "text_kind"',
    );
    // Duties of the new actor types and national duties cannot be expressed before: remove them.
    await queryRunner.query(
      `DELETE FROM "duty" WHERE "actor_type" IN ('judicial', 'none') OR 'national' = ANY ("levels")`,
    );
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "CHK_duty_levels"');
    await queryRunner.query(
      `ALTER TABLE "duty" ADD CONSTRAINT "CHK_duty_levels" CHECK ("levels" <@ ARRAY['province', 'prefecture', 'county']::text[])`,
    );
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "CHK_duty_actor_type"');
    await queryRunner.query(
      `ALTER TABLE "duty" ADD CONSTRAINT "CHK_duty_actor_type" CHECK ("actor_type" IN ('government', 'department', 'congress', 'enterprise', 'association', 'third_party', 'media', 'public'))`,
    );
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "CHK_duty_kind"');
    await queryRunner.query('ALTER TABLE "duty" DROP COLUMN "needs_review"');
    await queryRunner.query(`UPDATE "duty" SET "extracted" = "extracted" - 'kind' - 'needsReview'`);
    await queryRunner.query('ALTER TABLE "duty" DROP COLUMN "kind"');
  }
}
