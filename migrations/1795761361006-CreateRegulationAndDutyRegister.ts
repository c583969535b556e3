import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegulationAndDutyRegister1795761361006 implements MigrationInterface {
  name = 'CreateRegulationAndDutyRegister1795761361006';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "department_kind" ("code" character varying(50) NOT NULL, "name" character varying(50) NOT NULL, "aliases" text array NOT NULL DEFAULT \'{}\', "sort_order" integer NOT NULL, CONSTRAINT "UQ_5d8fab765493fc89f9b4d340050" UNIQUE ("name"), CONSTRAINT "PK_d3c01c6de6427d7142063793898" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(100) NOT NULL, "title" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4912e8ea83628fe373e9dcbf661" UNIQUE ("code"), CONSTRAINT "PK_0ce8c4819fd1a67eb46f6bb0fe3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regulation_id" uuid NOT NULL, "version_number" integer NOT NULL, "status" character varying(20) NOT NULL, "effective_date" date, "title" character varying(200) NOT NULL, "source_text" text NOT NULL, "source_sha256" character(64) NOT NULL, "parse_warnings" jsonb NOT NULL DEFAULT \'[]\', "imported_by" character varying(100) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_regulation_version_status" CHECK ("status" IN (\'draft\', \'enacted\')), CONSTRAINT "PK_3ee582eec1b15521c407c625a29" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_regulation_version_number" ON "regulation_version"  ("regulation_id", "version_number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation_chapter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "number" integer NOT NULL, "title" character varying(200) NOT NULL, "line" integer NOT NULL, CONSTRAINT "PK_25bf6570fbb041042b40eb3fc8e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_regulation_chapter_number" ON "regulation_chapter"  ("version_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation_section" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chapter_id" uuid NOT NULL, "number" integer NOT NULL, "title" character varying(200) NOT NULL, "line" integer NOT NULL, CONSTRAINT "PK_84690fb51e0e3ac817cabde5266" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_regulation_section_number" ON "regulation_section"  ("chapter_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation_article" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "chapter_id" uuid NOT NULL, "section_id" uuid, "number" integer NOT NULL, "title" character varying(200), "text" text NOT NULL, "fingerprint" text NOT NULL, "line" integer NOT NULL, CONSTRAINT "PK_9eb0f6dfcba3e0f88078419e278" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_regulation_article_chapter" ON "regulation_article"  ("chapter_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_regulation_article_number" ON "regulation_article"  ("version_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation_paragraph" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "number" integer NOT NULL, "text" text NOT NULL, "fingerprint" text NOT NULL, "line" integer NOT NULL, CONSTRAINT "PK_fe6ff91a18c79a9108051f8220a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_regulation_paragraph_number" ON "regulation_paragraph"  ("article_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regulation_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "paragraph_id" uuid NOT NULL, "number" integer NOT NULL, "marker" character varying(20) NOT NULL, "text" text NOT NULL, "line" integer NOT NULL, CONSTRAINT "PK_65ce86acd6317dabe09ceb1b35b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_regulation_item_number" ON "regulation_item"  ("paragraph_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "duty" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lineage_id" uuid NOT NULL, "version_id" uuid NOT NULL, "article_id" uuid NOT NULL, "paragraph_id" uuid NOT NULL, "item_id" uuid, "item_number" integer NOT NULL DEFAULT \'0\', "sequence" integer NOT NULL, "text" text NOT NULL, "subject" text NOT NULL, "actor_text" text NOT NULL, "actor_type" character varying(20) NOT NULL, "levels" text array NOT NULL DEFAULT \'{}\', "modality" character varying(20) NOT NULL, "government_duty" boolean NOT NULL, "tracked" boolean NOT NULL, "review_state" character varying(20) NOT NULL DEFAULT \'extracted\', "cues" jsonb NOT NULL, "extracted" jsonb NOT NULL, "reviewed_by" character varying(100), "reviewed_at" TIMESTAMP WITH TIME ZONE, "carried_from_id" uuid, "row_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_duty_tracked_government" CHECK (NOT "tracked" OR "government_duty"), CONSTRAINT "CHK_duty_levels" CHECK ("levels" <@ ARRAY[\'province\', \'prefecture\', \'county\']::text[]), CONSTRAINT "CHK_duty_review_state" CHECK ("review_state" IN (\'extracted\', \'reviewed\')), CONSTRAINT "CHK_duty_modality" CHECK ("modality" IN (\'mandatory\', \'encouraged\', \'discretionary\', \'declarative\')), CONSTRAINT "CHK_duty_actor_type" CHECK ("actor_type" IN (\'government\', \'department\', \'congress\', \'enterprise\', \'association\', \'third_party\', \'media\', \'public\')), CONSTRAINT "PK_16bc289cd1d422d96af276d4927" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_duty_lineage" ON "duty"  ("lineage_id") ');
    await queryRunner.query('CREATE INDEX "IDX_duty_version" ON "duty"  ("version_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_duty_position" ON "duty"  ("paragraph_id", "item_number", "sequence") ',
    );
    await queryRunner.query(
      'CREATE TABLE "duty_department" ("duty_id" uuid NOT NULL, "department_code" character varying(50) NOT NULL, "role" character varying(10) NOT NULL, "from_text" boolean NOT NULL, CONSTRAINT "CHK_duty_department_role" CHECK ("role" IN (\'lead\', \'assist\')), CONSTRAINT "PK_27b0651d66248a01bc7963b9012" PRIMARY KEY ("duty_id", "department_code"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_duty_department_code" ON "duty_department"  ("department_code") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_duty_department_one_lead" ON "duty_department"  ("duty_id") WHERE "role" = \'lead\'',
    );
    await queryRunner.query(
      'CREATE TABLE "duty_review_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "duty_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "actor" character varying(100) NOT NULL, "before" jsonb, "after" jsonb, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_duty_review_event_kind" CHECK ("kind" IN (\'extracted\', \'carried_over\', \'reviewed\')), CONSTRAINT "PK_4653cbf05b370b77f1019ad46e4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_duty_review_event_duty" ON "duty_review_event"  ("duty_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_version" ADD CONSTRAINT "FK_8d3335f719578fe553770e2e02b" FOREIGN KEY ("regulation_id") REFERENCES "regulation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_chapter" ADD CONSTRAINT "FK_6104629d47f83e818a72a28b771" FOREIGN KEY ("version_id") REFERENCES "regulation_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_section" ADD CONSTRAINT "FK_9d7f5d8d8981495428a9b8df3c4" FOREIGN KEY ("chapter_id") REFERENCES "regulation_chapter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_article" ADD CONSTRAINT "FK_1592495d416021c62d2088a70db" FOREIGN KEY ("version_id") REFERENCES "regulation_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_article" ADD CONSTRAINT "FK_a54815eafae5617cd72050ca9de" FOREIGN KEY ("chapter_id") REFERENCES "regulation_chapter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_article" ADD CONSTRAINT "FK_9df76a7308a7e173d2778bbf76f" FOREIGN KEY ("section_id") REFERENCES "regulation_section"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_paragraph" ADD CONSTRAINT "FK_8a6e715e2669c867d5f51d78983" FOREIGN KEY ("article_id") REFERENCES "regulation_article"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_item" ADD CONSTRAINT "FK_65a8d460cc916f27e2582d4b998" FOREIGN KEY ("paragraph_id") REFERENCES "regulation_paragraph"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty" ADD CONSTRAINT "FK_5669328b8927b03afaa2fbed495" FOREIGN KEY ("version_id") REFERENCES "regulation_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty" ADD CONSTRAINT "FK_3305361044e5216a08e732bfdd8" FOREIGN KEY ("article_id") REFERENCES "regulation_article"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty" ADD CONSTRAINT "FK_4d7aa50f5e18e83aa0004ce8281" FOREIGN KEY ("paragraph_id") REFERENCES "regulation_paragraph"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty" ADD CONSTRAINT "FK_a1b7e0f7fa4977758a46b0f494e" FOREIGN KEY ("item_id") REFERENCES "regulation_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_department" ADD CONSTRAINT "FK_0ee838ff680af414ce6b9bfba5f" FOREIGN KEY ("duty_id") REFERENCES "duty"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_department" ADD CONSTRAINT "FK_f57b12872698bdb1f2bcde5932a" FOREIGN KEY ("department_code") REFERENCES "department_kind"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_review_event" ADD CONSTRAINT "FK_502ddd7e8f456ac823d6bf39b7b" FOREIGN KEY ("duty_id") REFERENCES "duty"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "duty_review_event" DROP CONSTRAINT "FK_502ddd7e8f456ac823d6bf39b7b"',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_department" DROP CONSTRAINT "FK_f57b12872698bdb1f2bcde5932a"',
    );
    await queryRunner.query(
      'ALTER TABLE "duty_department" DROP CONSTRAINT "FK_0ee838ff680af414ce6b9bfba5f"',
    );
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "FK_a1b7e0f7fa4977758a46b0f494e"');
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "FK_4d7aa50f5e18e83aa0004ce8281"');
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "FK_3305361044e5216a08e732bfdd8"');
    await queryRunner.query('ALTER TABLE "duty" DROP CONSTRAINT "FK_5669328b8927b03afaa2fbed495"');
    await queryRunner.query(
      'ALTER TABLE "regulation_item" DROP CONSTRAINT "FK_65a8d460cc916f27e2582d4b998"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_paragraph" DROP CONSTRAINT "FK_8a6e715e2669c867d5f51d78983"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_article" DROP CONSTRAINT "FK_9df76a7308a7e173d2778bbf76f"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_article" DROP CONSTRAINT "FK_a54815eafae5617cd72050ca9de"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_article" DROP CONSTRAINT "FK_1592495d416021c62d2088a70db"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_section" DROP CONSTRAINT "FK_9d7f5d8d8981495428a9b8df3c4"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_chapter" DROP CONSTRAINT "FK_6104629d47f83e818a72a28b771"',
    );
    await queryRunner.query(
      'ALTER TABLE "regulation_version" DROP CONSTRAINT "FK_8d3335f719578fe553770e2e02b"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_duty_review_event_duty"');
    await queryRunner.query('DROP TABLE "duty_review_event"');
    await queryRunner.query('DROP INDEX "public"."UQ_duty_department_one_lead"');
    await queryRunner.query('DROP INDEX "public"."IDX_duty_department_code"');
    await queryRunner.query('DROP TABLE "duty_department"');
    await queryRunner.query('DROP INDEX "public"."UQ_duty_position"');
    await queryRunner.query('DROP INDEX "public"."IDX_duty_version"');
    await queryRunner.query('DROP INDEX "public"."IDX_duty_lineage"');
    await queryRunner.query('DROP TABLE "duty"');
    await queryRunner.query('DROP INDEX "public"."UQ_regulation_item_number"');
    await queryRunner.query('DROP TABLE "regulation_item"');
    await queryRunner.query('DROP INDEX "public"."UQ_regulation_paragraph_number"');
    await queryRunner.query('DROP TABLE "regulation_paragraph"');
    await queryRunner.query('DROP INDEX "public"."UQ_regulation_article_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_regulation_article_chapter"');
    await queryRunner.query('DROP TABLE "regulation_article"');
    await queryRunner.query('DROP INDEX "public"."UQ_regulation_section_number"');
    await queryRunner.query('DROP TABLE "regulation_section"');
    await queryRunner.query('DROP INDEX "public"."UQ_regulation_chapter_number"');
    await queryRunner.query('DROP TABLE "regulation_chapter"');
    await queryRunner.query('DROP INDEX "public"."UQ_regulation_version_number"');
    await queryRunner.query('DROP TABLE "regulation_version"');
    await queryRunner.query('DROP TABLE "regulation"');
    await queryRunner.query('DROP TABLE "department_kind"');
  }
}
